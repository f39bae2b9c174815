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
    // antd's defaults (25% and 45% black) fall short of 4.5:1 on white; these reach it.
    colorTextPlaceholder: '#6b736b',
    colorTextDescription: '#566156',
    // Danger buttons and error text in antd's default red (#ff4d4f) reach only 3.3:1.
    colorError: '#c62828',
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
};
