import { passwordLogin } from '../../runtime/login.ts';
import type { LoginStep } from '../../runtime/types.ts';

/**
 * 统一身份认证 (the provincial unified login on its own host): the portal's /login redirects there; username,
 * password and an image CAPTCHA; success redirects back with a ticket and the portal shows 退出.
 */
export const unifiedLogin = (path = '/login'): LoginStep =>
  passwordLogin({
    path,
    username: { label: '用户名' },
    password: { label: '密码' },
    captcha: {
      kind: 'image',
      image: { role: 'img', name: '验证码' },
      input: { label: '验证码' },
      // The sandbox's picture (sandbox/unified-login/captcha.ts); a real 统一身份认证 draws its own: name it.
      style: 'sandbox-dejavu-4',
      prompt: '请输入统一身份认证登录页上的图形验证码（4 位字母或数字）',
    },
    submit: { role: 'button', name: '登 录' },
    loggedIn: { role: 'link', name: '退出' },
  });
