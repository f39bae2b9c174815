import type { ReactElement } from 'react';

/** Marks a picker list's scroll area as reachable from the keyboard (see pickerPopupRender). */
function focusableScroll(wrapper: HTMLDivElement | null): void {
  wrapper?.querySelector('.ant-select-dropdown-list-holder')?.setAttribute('tabindex', '0');
}

/**
 * For every antd Select's `popupRender`: a list longer than its box scrolls, and axe-core (WCAG
 * 2.1.1) wants a scrolling region reachable from the keyboard; antd gives its list no tabindex and
 * no prop to add one. Where the list sits on a phone (full width, thumb-sized rows) is styles.css.
 */
export function pickerPopupRender(menu: ReactElement): ReactElement {
  return <div ref={focusableScroll}>{menu}</div>;
}
