import { lazy, Suspense } from 'react';
import { useSignedIn } from './auth';

// Apollo, antd's drawer and the texts arrive only for signed-in people; visitors load none of it.
const BellMenu = lazy(() => import('./notifications/BellMenu'));

/** The notification bell in the header (signed-in users): unread count, drawer of the latest, link to /thong-bao. */
export function NotificationBell() {
  const signedIn = useSignedIn();
  if (!signedIn) return null;
  return (
    <div className="notify-slot">
      <Suspense fallback={null}>
        <BellMenu />
      </Suspense>
    </div>
  );
}
