import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './lib/Layout';

// Every page is its own chunk, so the first load carries only the shell and the page asked for.
// Declarative routes rather than a data router: the data router adds ~16 kB gzip to every first
// load and these pages load their data with Apollo anyway.
const LandingPage = lazy(() => import('./pages/LandingPage'));
const AppShell = lazy(() => import('./lib/AppShell'));
const SignUpPage = lazy(() => import('./pages/SignUpPage'));
const SignInPage = lazy(() => import('./pages/SignInPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const SearchPage = lazy(() => import('./pages/SearchPage'));
const MyProductsPage = lazy(() => import('./pages/MyProductsPage'));
const ProductEditorPage = lazy(() => import('./pages/ProductEditorPage'));
const DirectoryPage = lazy(() => import('./pages/DirectoryPage'));
const SupplierPage = lazy(() => import('./pages/SupplierPage'));
const ProductPage = lazy(() => import('./pages/ProductPage'));
const OrganizationProfilePage = lazy(() => import('./pages/OrganizationProfilePage'));
const TeamPage = lazy(() => import('./pages/TeamPage'));
const DocumentsPage = lazy(() => import('./pages/DocumentsPage'));
const InvitationPage = lazy(() => import('./pages/InvitationPage'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage'));
const ModerationPage = lazy(() => import('./pages/admin/ModerationPage'));
const AuditLogPage = lazy(() => import('./pages/admin/AuditLogPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const OpenNeedsPage = lazy(() => import('./pages/OpenNeedsPage'));
const MyNeedsPage = lazy(() => import('./pages/MyNeedsPage'));
const MyBidsPage = lazy(() => import('./pages/MyBidsPage'));
const NeedEditorPage = lazy(() => import('./pages/NeedEditorPage'));
const NeedPage = lazy(() => import('./pages/NeedPage'));
const ContractsPage = lazy(() => import('./pages/ContractsPage'));
const ContractPage = lazy(() => import('./pages/ContractPage'));
const DisputesPage = lazy(() => import('./pages/admin/DisputesPage'));

export function AppRoutes() {
  return (
    // Without transitions a navigation shows the loading fallback at once instead of leaving the
    // old page up with no sign that the tap registered, which matters on slow mobile links.
    <BrowserRouter useTransitions={false}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<LandingPage />} />
          {/* Apollo and antd arrive with the first page that needs them. */}
          <Route element={<AppShell />}>
            <Route path="dang-ky" element={<SignUpPage />} />
            <Route path="dang-nhap" element={<SignInPage />} />
            <Route path="tai-khoan" element={<AccountPage />} />
            <Route path="tim-kiem" element={<SearchPage />} />
            <Route path="san-pham" element={<MyProductsPage />} />
            <Route path="san-pham/moi" element={<ProductEditorPage />} />
            <Route path="san-pham/:id" element={<ProductEditorPage />} />
            {/* The public face of a listing; /san-pham/:id is its organization's editor. */}
            <Route path="san-pham/:id/xem" element={<ProductPage />} />
            <Route path="nha-cung-cap" element={<DirectoryPage />} />
            <Route path="nha-cung-cap/:id" element={<SupplierPage />} />
            <Route path="to-chuc" element={<OrganizationProfilePage />} />
            <Route path="to-chuc/thanh-vien" element={<TeamPage />} />
            <Route path="to-chuc/tai-lieu" element={<DocumentsPage />} />
            {/* The invitation e-mail's link (libs/notifications/src/mail/templates.ts). */}
            <Route path="loi-moi" element={<InvitationPage />} />
            <Route path="quen-mat-khau" element={<ForgotPasswordPage />} />
            {/* The password reset e-mail's link (libs/notifications/src/mail/templates.ts). */}
            <Route path="dat-lai-mat-khau" element={<ResetPasswordPage />} />
            <Route path="quan-tri" element={<ModerationPage />} />
            <Route path="quan-tri/nhat-ky" element={<AuditLogPage />} />
            <Route path="quan-tri/tranh-chap" element={<DisputesPage />} />
            <Route path="thong-bao" element={<NotificationsPage />} />
            {/* Procurement needs: public browse and page; the buyer's list, wizard and draft editor. */}
            <Route path="nhu-cau" element={<OpenNeedsPage />} />
            <Route path="nhu-cau/cua-toi" element={<MyNeedsPage />} />
            <Route path="nhu-cau/moi" element={<NeedEditorPage />} />
            <Route path="nhu-cau/:id" element={<NeedPage />} />
            <Route path="nhu-cau/:id/sua" element={<NeedEditorPage />} />
            <Route path="bao-gia" element={<MyBidsPage />} />
            {/* Contracts: either party's list and page (procurement notices link to /hop-dong/:id). */}
            <Route path="hop-dong" element={<ContractsPage />} />
            <Route path="hop-dong/:id" element={<ContractPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
