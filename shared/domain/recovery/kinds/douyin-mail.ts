// Where 抖店 takes e-mailed requests, and the subjects its service desk sorts them by.
export const DOUYIN_APPEAL_TO = 'ecservice@bytedance.com';
export const DOUYIN_APPEAL_SUBJECT = '【小店登录手机账号注销申请恢复】';
export const DOUYIN_SMS_SUBJECT = '【无法接收手机验证码】';
