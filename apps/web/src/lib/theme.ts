import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#2f7d32',
    colorLink: '#1f6b24',
    // 16px text avoids iOS zooming into inputs and is easier to read for first-time users.
    fontSize: 16,
    // 44px is the smallest comfortable touch target on a phone.
    controlHeight: 44,
    borderRadius: 8,
    // antd's default greys for placeholders and help text (#00000040, #00000073) fail WCAG AA
    // contrast on white; these reach 5.7:1 and 7:1.
    colorTextPlaceholder: '#666666',
    colorTextDescription: '#595959',
    // The default red (#ff4d4f) on white is 3.2:1: danger buttons' text failed AA contrast.
    colorError: '#cf1322',
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
};
