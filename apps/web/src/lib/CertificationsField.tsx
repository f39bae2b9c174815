import { Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Input } from './inputs';
import { CERTIFICATION_KINDS } from './products';
import { PRODUCTS_NS } from './products-i18n';
import { pickerPopupRender } from './pickers';

/** The certification rows of the product editor: kind, issuer, valid-until; add and remove. */
export function CertificationsField() {
  const { t } = useTranslation(PRODUCTS_NS);
  const kinds = CERTIFICATION_KINDS.map((kind) => ({ value: kind, label: t(`certKind.${kind}`) }));
  return (
    <fieldset className="cert-rows">
      <legend>{t('editor.certifications')}</legend>
      <Form.List name="certifications">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <div key={row.key} className="cert-row" data-testid="product-cert">
                <Form.Item
                  name={[row.name, 'kind']}
                  label={t('editor.certKind')}
                  rules={[{ required: true, message: t('editor.certRequired') }]}
                >
                  <Select<string>
                    popupRender={pickerPopupRender}
                    options={kinds}
                    data-testid="product-cert-kind"
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'issuer']} label={t('editor.certIssuer')}>
                  <Input maxLength={200} data-testid="product-cert-issuer" />
                </Form.Item>
                <Form.Item name={[row.name, 'validUntil']} label={t('editor.certValidUntil')}>
                  {/* The native date input: a phone's own picker, and no date library to load. */}
                  <input type="date" className="native-input" data-testid="product-cert-until" />
                </Form.Item>
                <Button danger onClick={() => remove(row.name)} data-testid="product-cert-remove">
                  {t('editor.removeCert')}
                </Button>
              </div>
            ))}
            <Button onClick={() => add({})} data-testid="product-cert-add">
              {t('editor.addCert')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
