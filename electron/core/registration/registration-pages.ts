// The phone's pages: plain HTML, Chinese first with English below, one same-origin stylesheet, no script,
// no external resource. Everything typed or stored is escaped before it reaches the page.
import { escapeMarkup as escapeHtml } from '../../../shared/domain/escape.ts';
import type { Text } from '../../../shared/domain/platforms/types.ts';

export const STYLESHEET = `
body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f5f5f5;color:#1f1f1f}
main{max-width:480px;margin:0 auto;padding:16px}
h1{font-size:20px;margin:8px 0 12px}
h2{font-size:16px;margin:0 0 8px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.en{color:#8c8c8c;font-size:13px}
dl{margin:0}dt{color:#8c8c8c;font-size:13px}dd{margin:0 0 8px;font-size:16px;word-break:break-all}
ol{padding-left:20px;margin:0}li{margin-bottom:6px}
label{display:block;margin:12px 0 4px;font-weight:600}
input[type=text],input[type=tel]{box-sizing:border-box;width:100%;font-size:16px;padding:10px;border:1px solid #d9d9d9;border-radius:6px}
.consent{display:flex;gap:8px;align-items:flex-start;font-weight:400}
.err{color:#cf1322;font-size:14px;margin-top:4px}
button{width:100%;margin-top:16px;padding:12px;font-size:17px;border:0;border-radius:6px;background:#1677ff;color:#fff}
.result{text-align:center;padding:32px 16px}.ok{color:#389e0d}.bad{color:#cf1322}
`;

function page(title: Text, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title.zh)}</title><link rel="stylesheet" href="/s.css"></head>
<body><main>${body}</main></body></html>`;
}

const both = (t: Text) => `${escapeHtml(t.zh)}<div class="en">${escapeHtml(t.en)}</div>`;

export interface FormFacts {
  shopName: string;
  fullName: string;
  steps: Text[];
  action: string;
  values: { name: string; mobile: string; position: string };
  errors: Partial<Record<'name' | 'mobile' | 'position' | 'consent', Text>>;
}

export const CONSENT: Text = {
  zh: '您填写的姓名、手机号和岗位只保存在店长电脑上的加密资料中，用于登记谁使用这个子账号；不会上传，也不收集身份证信息（身份证只在平台 App 里认证）。',
  en: "Your name, mobile number and position are kept only in encrypted records on the shop owner's computer, to record who uses this sub-account. Nothing is uploaded and no ID data is collected here (ID checks happen only in the platform's app).",
};

export function formPage(f: FormFacts): string {
  const err = (k: keyof FormFacts['errors']) => {
    const e = f.errors[k];
    return e ? `<div class="err" role="alert">${escapeHtml(e.zh)} / ${escapeHtml(e.en)}</div>` : '';
  };
  return page(
    { zh: '子账号使用人登记', en: 'Sub-account registration' },
    `<h1>子账号使用人登记<div class="en">Sub-account user registration</div></h1>
<section class="card"><dl>
<dt>店铺 / Shop</dt><dd>${escapeHtml(f.shopName)}</dd>
<dt>子账号 / Sub-account</dt><dd>${escapeHtml(f.fullName)}</dd></dl></section>
<section class="card"><h2>操作步骤 <span class="en">Steps</span></h2>
<ol>${f.steps.map((s) => `<li>${both(s)}</li>`).join('')}</ol></section>
<form class="card" method="post" action="${escapeHtml(f.action)}" accept-charset="utf-8">
<label for="name">姓名 / Name</label><input id="name" name="name" type="text" maxlength="40" autocomplete="name" value="${escapeHtml(f.values.name)}">${err('name')}
<label for="mobile">手机号 / Mobile</label><input id="mobile" name="mobile" type="tel" maxlength="20" autocomplete="tel" value="${escapeHtml(f.values.mobile)}">${err('mobile')}
<label for="position">岗位 / Position</label><input id="position" name="position" type="text" maxlength="40" value="${escapeHtml(f.values.position)}">${err('position')}
<label class="consent"><input type="checkbox" name="consent" value="yes"><span>${both(CONSENT)}</span></label>${err('consent')}
<button type="submit">提交登记 / Submit</button></form>`,
  );
}

export function resultPage(ok: boolean, title: Text, detail: Text): string {
  return page(
    title,
    `<section class="card result"><h1 class="${ok ? 'ok' : 'bad'}">${both(title)}</h1><p>${both(detail)}</p></section>`,
  );
}
