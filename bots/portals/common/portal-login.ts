import { passwordLogin } from '../../runtime/login.ts';
import type { LoginStep } from '../../runtime/types.ts';

/** A portal's own username/password page (the kit's login). */
export const portalLogin = (path = '/login'): LoginStep =>
  passwordLogin({
    path,
    username: { label: '用户名' },
    password: { label: '密码' },
    submit: { role: 'button', name: '登 录' },
    loggedIn: { role: 'link', name: '退出' },
  });
