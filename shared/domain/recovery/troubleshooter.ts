// What a login page's message means and what to do, per platform (from the sellers' help pages), and
// the lockouts that come with some of them.
import type { PlatformId, Text } from '../platforms/types.ts';
import type { DraftKind } from './draft-kinds.ts';

export interface LoginProblem {
  id: string;
  platform: Extract<PlatformId, 'jd' | 'amazon' | 'douyin'>;
  message: Text;
  meaning: Text;
  steps: Text[];
  /** A wait the platform imposes, started when the user says it happened. */
  lockout?: { minutes: number; label: Text };
  /** A recovery draft that helps. */
  draft?: DraftKind;
}

const t = (zh: string, en: string): Text => ({ zh, en });

export const LOGIN_PROBLEMS: LoginProblem[] = [
  {
    id: 'jd-send-contact',
    platform: 'jd',
    message: t('提示发送账号和联系方式至指定地址', 'Asked to send the account and contact to an address'),
    meaning: t('账号需要人工核实。', 'The account needs a manual check.'),
    steps: [
      t('按提示发送账号名和手机号', 'Send the account name and phone as shown'),
      t('等待客服联系', 'Wait for support to contact you'),
    ],
  },
  {
    id: 'jd-forced-reset',
    platform: 'jd',
    message: t('强制修改密码页面', 'Forced password-reset page'),
    meaning: t('账号存在安全风险。', 'The account is at risk.'),
    steps: [
      t('完成身份验证后设置新密码', 'Verify your identity and set a new password'),
      t(
        '没有绑定手机或邮箱时联系客服，或起草找回申请',
        'With no bound phone or e-mail, contact support or draft a recovery request',
      ),
    ],
    draft: 'jd-password',
  },
  {
    id: 'jd-wrong-password',
    platform: 'jd',
    message: t('密码错误次数过多（10 次）', 'Too many wrong passwords (10)'),
    meaning: t(
      '连续输错 10 次密码，登录被限制 20 分钟。',
      'After 10 wrong passwords, sign-in is blocked for 20 minutes.',
    ),
    steps: [
      t('等待 20 分钟后再试', 'Wait 20 minutes, then try again'),
      t('或使用「找回密码」', 'Or use 找回密码 (forgot password)'),
    ],
    lockout: { minutes: 20, label: t('京东登录限制', 'JD sign-in block') },
  },
  {
    id: 'jd-sms',
    platform: 'jd',
    message: t('需要短信验证码', 'SMS code required'),
    meaning: t('安全校验。', 'A security check.'),
    steps: [t('输入收到的短信验证码', 'Enter the code you received')],
  },
  {
    id: 'jd-send-sms',
    platform: 'jd',
    message: t('要求向指定号码发送短信', 'Asked to send an SMS to a number'),
    meaning: t('通过上行短信验证手机归属。', 'Proves you hold the phone by sending a message.'),
    steps: [
      t(
        '按页面所示内容编辑短信并发送到指定号码',
        'Compose the message exactly as shown and send it to that number',
      ),
    ],
  },
  {
    id: 'jd-bind-phone',
    platform: 'jd',
    message: t('要求绑定手机', 'Asked to bind a phone'),
    meaning: t('账号没有可用的手机号。', 'The account has no usable phone.'),
    steps: [
      t('输入一位历史收货人姓名和新手机号', "Enter a past consignee's name and the new phone"),
      t('输入收到的验证码', 'Enter the code you received'),
    ],
  },
  {
    id: 'amazon-username',
    platform: 'amazon',
    message: t('用户名错误（24 小时内第 3 次）', 'Wrong user name (3rd time in 24 hours)'),
    meaning: t(
      '24 小时内输错 3 次用户名，将锁定密码修改 24 小时。',
      'Three wrong user names in 24 hours lock password changes for 24 hours.',
    ),
    steps: [
      t('等待 24 小时后再试', 'Wait 24 hours, then try again'),
      t(
        '确认用户名为当前账户名（微信注册为微信名）',
        'Make sure the user name is the current one (WeChat name for WeChat sign-ups)',
      ),
      t(
        '或联系卖家支持/客户经理获取重置链接',
        'Or ask seller support / the account manager for a reset link',
      ),
    ],
    lockout: { minutes: 24 * 60, label: t('亚马逊密码修改锁定', 'Amazon password-change lock') },
    draft: 'amazon-reset',
  },
  {
    id: 'amazon-2sv',
    platform: 'amazon',
    message: t('两步验证设备不在身边', 'Two-step verification device lost'),
    meaning: t(
      '只能上传政府签发的身份证件找回，约 12-48 小时；卖家支持无法跳过。',
      'Recovery only by uploading a government ID, about 12-48 hours; seller support cannot override it.',
    ),
    steps: [
      t(
        '在登录页选择无法使用验证设备，上传身份证件',
        'Choose that you cannot use the device and upload your ID',
      ),
    ],
  },
  {
    id: 'douyin-cancelled',
    platform: 'douyin',
    message: t('登录手机号已注销（账号被注销）', 'Login phone number cancelled'),
    meaning: t('原号码已不可用，需要邮件申诉恢复。', 'The old number is gone; appeal by e-mail to recover.'),
    steps: [
      t(
        '先尝试找回或更换号码、用「忘记密码」重置',
        'First try to recover or replace the number, or reset via 忘记密码',
      ),
      t(
        '发送申诉邮件至 ecservice@bytedance.com，1-5 个工作日回复',
        'E-mail ecservice@bytedance.com; reply in 1-5 working days',
      ),
    ],
    draft: 'douyin-cancelled',
  },
  {
    id: 'douyin-device',
    platform: 'douyin',
    message: t('新设备或清除缓存后无法登录', 'Cannot sign in on a new device or after clearing the cache'),
    meaning: t('设备变化触发安全校验。', 'A device change triggered a security check.'),
    steps: [
      t('按提示完成验证，或在常用设备上登录', 'Complete the check, or sign in on a usual device'),
      t('检查网络后重试', 'Check the network and retry'),
    ],
  },
  {
    id: 'douyin-sms',
    platform: 'douyin',
    message: t('收不到手机验证码', 'No SMS code arrives'),
    meaning: t(
      '可能是运营商拦截或号码异常。',
      'The carrier may be blocking it, or the number has a problem.',
    ),
    steps: [t('发送邮件说明号码和开始时间', 'E-mail the number and since when')],
    draft: 'douyin-sms',
  },
  {
    id: 'douyin-restricted',
    platform: 'douyin',
    message: t('账号受限', 'Account restricted'),
    meaning: t('账号因违规被限制。', 'The account is restricted for a violation.'),
    steps: [
      t('处理违规后申诉', 'Resolve the violation, then appeal'),
      t('准备营业执照、法人身份证和经营证明', 'Prepare the licence, legal ID and proof of operation'),
    ],
  },
];

export function problemById(id: string): LoginProblem | undefined {
  return LOGIN_PROBLEMS.find((p) => p.id === id);
}
