// Password guessing against the running stack: limits are taken before any password is checked.
import { errorCode, SIGN_IN } from '@lienket/testing';
import { api, signUpOwner } from '../support/e2e';

describe('sign-in guessing through the gateway', () => {
  it('checks at most 5 of 150 parallel wrong passwords for one account, then refuses even the right one in the caller language with the minutes to wait', async () => {
    const victim = await signUpOwner();
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => api(SIGN_IN, { email: victim.email, password: `doan-${i}-mat-khau` })),
    );
    // badCredentials is answered only after a password was checked; TOO_MANY_REQUESTS before.
    const checked = results.filter((r) => errorCode(r) === 'UNAUTHENTICATED');
    expect(checked.map((r) => r.errors?.[0].message)).toEqual(Array(5).fill('E-mail hoặc mật khẩu không đúng.'));
    expect(results.filter((r) => errorCode(r) === 'TOO_MANY_REQUESTS')).toHaveLength(145);
    expect(results.filter((r) => r.data?.signIn)).toHaveLength(0);

    const vi = await api(SIGN_IN, { email: victim.email, password: victim.password }, { lang: 'vi' });
    const en = await api(SIGN_IN, { email: victim.email.toUpperCase(), password: victim.password }, { lang: 'en' });
    expect(vi.data?.signIn ?? null).toBeNull();
    expect(vi.errors?.[0]).toMatchObject({
      extensions: { code: 'TOO_MANY_REQUESTS' },
      message: expect.stringMatching(/^Bạn đã thử đăng nhập quá nhiều lần\. Vui lòng thử lại sau 1[45] phút\.$/),
    });
    expect(en.errors?.[0]).toMatchObject({
      extensions: { code: 'TOO_MANY_REQUESTS' },
      message: expect.stringMatching(/^Too many sign-in attempts\. Please try again in 1[45] minutes\.$/),
    });
  });

  it('lets another account sign in from the same address while one is locked', async () => {
    const locked = await signUpOwner();
    await Promise.all(Array.from({ length: 20 }, () => api(SIGN_IN, { email: locked.email, password: 'khong-phai-mat-khau' })));
    const other = await signUpOwner();
    const r = await api<{ signIn: { accessToken: string } }>(SIGN_IN, { email: other.email, password: other.password });
    expect(r.errors).toBeUndefined();
    expect(r.data?.signIn.accessToken).toEqual(expect.any(String));
  });
});
