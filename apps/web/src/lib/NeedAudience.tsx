import { useQuery } from '@apollo/client/react';
import { Form, Select } from 'antd';
import { useEffect, useMemo, useState, type AriaAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { NeedVisibility } from '../gql/graphql';
import { ChoiceCards } from './ChoiceCards';
import { NEEDS_NS } from './needs-i18n';
import { pickerPopupRender } from './pickers';
import { INVITE_PARAM } from './RequestQuoteButton';

// The server's limit (libs/procurement needs/dto/need.schema.ts MAX_INVITED).
const MAX_INVITED = 20;
// Long enough not to ask on every keystroke, short enough to feel live.
const TYPING_PAUSE_MS = 300;

const CooperativeSearchDocument = graphql(`
  query CooperativeSearch($query: String, $first: Int!) {
    searchOrganizations(query: $query, filter: { kind: COOPERATIVE }, first: $first) {
      edges {
        node {
          id
          name
          province {
            code
            name
          }
        }
      }
    }
  }
`);

/** A cooperative the picker can name without searching: the draft's invitees, or the page's prefill. */
export interface KnownSupplier {
  id: string;
  name: string;
}

interface SupplierPickerProps extends AriaAttributes {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  known: readonly KnownSupplier[];
}

/** Verified cooperatives by name, as the directory finds them (diacritics ignored), at most 20 chosen. */
function SupplierPicker({ id, value, onChange, known, ...aria }: SupplierPickerProps) {
  const { t } = useTranslation(NEEDS_NS);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  // Asked once the picker is first focused: a public need's wizard never needs the directory.
  const [opened, setOpened] = useState(false);
  const { data, loading } = useQuery(CooperativeSearchDocument, {
    variables: { query: query || null, first: 10 },
    skip: !opened,
  });
  const [names, setNames] = useState(() => new Map(known.map((s) => [s.id, s.name])));
  useEffect(
    () => setNames((m) => new Map([...m, ...known.map((s) => [s.id, s.name] as const)])),
    [known],
  );
  const found = useMemo(() => data?.searchOrganizations.edges.map((e) => e.node) ?? [], [data]);
  const options = useMemo(() => {
    const chosen = (value ?? []).map((v) => ({ value: v, label: names.get(v) ?? v }));
    const more = found
      .filter((o) => !value?.includes(o.id))
      .map((o) => ({ value: o.id, label: o.province ? `${o.name} · ${o.province.name}` : o.name }));
    return [...chosen, ...more];
  }, [found, value, names]);
  return (
    <Select<string[]>
      {...aria}
      id={id}
      mode="multiple"
      data-testid="need-invited-suppliers"
      popupRender={pickerPopupRender}
      value={value}
      onChange={(ids) => {
        // Remember the names of what was chosen: the next search replaces the options.
        setNames((m) => new Map([...m, ...found.map((o) => [o.id, o.name] as const)]));
        onChange?.(ids);
      }}
      options={options}
      loading={loading}
      maxCount={MAX_INVITED}
      onFocus={() => setOpened(true)}
      placeholder={t('audience.pickerPlaceholder')}
      notFoundContent={loading ? t('audience.searching') : t('audience.noneFound')}
      showSearch={{
        filterOption: false,
        searchValue: text,
        onSearch: setText,
        autoClearSearchValue: true,
      }}
      popupMatchSelectWidth
    />
  );
}

/**
 * Who the need is for (the wizard's first step): "Công khai" (the market, with any suppliers the
 * buyer also wants told) or "Chỉ mời nhà cung cấp" (only the chosen cooperatives read and bid).
 */
export function NeedAudience({ known }: { known: readonly KnownSupplier[] }) {
  const { t } = useTranslation(NEEDS_NS);
  const visibility = Form.useWatch<NeedVisibility | undefined>('visibility');
  const invitedOnly = visibility === 'INVITED';
  return (
    <>
      <Form.Item name="visibility" label={t('audience.label')}>
        <ChoiceCards<NeedVisibility>
          name="visibility"
          label={t('audience.label')}
          testId="need-visibility"
          choices={[
            {
              value: 'PUBLIC',
              title: t('audience.public'),
              hint: t('audience.publicHint'),
              testId: 'need-visibility-public',
            },
            {
              value: 'INVITED',
              title: t('audience.invited'),
              hint: t('audience.invitedHint'),
              testId: 'need-visibility-invited',
            },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="invitedSupplierIds"
        label={invitedOnly ? t('audience.suppliers') : t('audience.suppliersOptional')}
        extra={t('audience.suppliersHint', { max: MAX_INVITED })}
        dependencies={['visibility']}
        rules={[
          {
            required: invitedOnly,
            type: 'array',
            min: invitedOnly ? 1 : 0,
            message: t('audience.suppliersRequired'),
          },
        ]}
      >
        <SupplierPicker known={known} />
      </Form.Item>
    </>
  );
}

const SupplierNameDocument = graphql(`
  query InvitedSupplierName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);

/**
 * A new need as the URL asks for it (invitePrefillUrl): INVITED for the supplier whose page the buyer came from, in
 * that product's category; `known` names the supplier in the picker once catalog answers.
 */
export function useInvitePrefill(params: URLSearchParams): {
  prefill: { visibility?: NeedVisibility; invitedSupplierIds?: string[]; categoryCode?: string };
  known: KnownSupplier[];
} {
  const supplierId = params.get(INVITE_PARAM);
  const categoryCode = params.get('nhom') ?? undefined;
  const { data } = useQuery(SupplierNameDocument, {
    variables: { id: supplierId ?? '' },
    skip: !supplierId,
  });
  const named = data?.organization;
  const known = useMemo(() => (named ? [{ id: named.id, name: named.name }] : []), [named]);
  if (!supplierId) return { prefill: categoryCode ? { categoryCode } : {}, known };
  return {
    prefill: { visibility: 'INVITED', invitedSupplierIds: [supplierId], categoryCode },
    known,
  };
}
