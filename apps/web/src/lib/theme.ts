import type { ThemeConfig } from 'antd';

/** People who asked their device for less motion get antd without its opening and closing animations. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#2f7d32',
    colorLink: '#1f6b24',
    // A button under the pointer (the mouse stays there after a click): antd lightens the green to
    // 3.6:1 against white text; darker on hover and press keeps 4.5:1.
    colorPrimaryHover: '#1f6b24',
    colorPrimaryActive: '#1a5a1e',
    // The same for a link button under the pointer ("Bỏ lọc" after a filter was picked beside it):
    // antd's derived hover green is too light on white.
    colorLinkHover: '#1a5a1e',
    colorLinkActive: '#1a5a1e',
    // 16px text avoids iOS zooming into inputs and is easier to read for first-time users.
    fontSize: 16,
    // 44px is the smallest comfortable touch target on a phone.
    controlHeight: 44,
    borderRadius: 8,
    // Contrast (WCAG AA, 4.5:1, checked by axe-core in the browser tests): antd's grey help text
    // (#8c8c8c, 3.4:1) and placeholders (#bfbfbf, 1.8:1) are too faint for a phone in the sun;
    // these are the app's own muted greens. Disabled text stays faint: it is exempt and should look off.
    colorTextDescription: '#566156',
    colorTextTertiary: '#566156',
    colorTextPlaceholder: '#5f6a5f',
    colorTextQuaternary: '#5f6a5f',
    // Error messages under fields: antd's #ff4d4f is 3.3:1 on white; this red is 6:1.
    colorError: '#c4161c',
    // Tag text: see styles.css (antd's preset tag colours ignore palette token overrides).
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
};
