import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const STEPS = ['need', 'bid', 'contract', 'record'] as const;

// Plain links styled as buttons: a button nested in a link is invalid HTML and confuses screen
// readers, and a real link still opens in a new tab when asked.
function CallsToAction({ where }: { where: 'top' | 'bottom' }) {
  const { t } = useTranslation();
  return (
    <div className="cta">
      <Link
        to="/dang-ky"
        className="link-button link-button-primary"
        data-testid={`landing-signup-${where}`}
      >
        {t('landing.ctaSignUp')}
      </Link>
      <Link to="/dang-nhap" className="link-button" data-testid={`landing-signin-${where}`}>
        {t('landing.ctaSignIn')}
      </Link>
    </div>
  );
}

function HowItWorks() {
  const { t } = useTranslation();
  return (
    <section className="landing-section" aria-labelledby="how-title">
      <h2 id="how-title">{t('landing.howTitle')}</h2>
      <ol className="steps">
        {STEPS.map((step, index) => (
          <li key={step} className="step">
            <span className="step-number" aria-hidden="true">
              {index + 1}
            </span>
            <div>
              <h3>{t(`landing.steps.${step}.title`)}</h3>
              <p>{t(`landing.steps.${step}.body`)}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Audiences() {
  const { t } = useTranslation();
  return (
    <section className="landing-section" aria-labelledby="for-title">
      <h2 id="for-title">{t('landing.forTitle')}</h2>
      <div className="audiences">
        <article className="audience">
          <h3>{t('landing.forCoop.title')}</h3>
          <p>{t('landing.forCoop.body')}</p>
        </article>
        <article className="audience">
          <h3>{t('landing.forEnterprise.title')}</h3>
          <p>{t('landing.forEnterprise.body')}</p>
        </article>
      </div>
      <p className="trust">{t('landing.trust')}</p>
    </section>
  );
}

export default function LandingPage() {
  const { t } = useTranslation();
  return (
    <div className="page landing">
      <section className="hero">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <CallsToAction where="top" />
      </section>
      <HowItWorks />
      <Audiences />
      <section className="landing-section landing-end">
        <CallsToAction where="bottom" />
        <p className="muted">{t('landing.ctaHint')}</p>
      </section>
    </div>
  );
}
