// A draft as an .eml file: nodemailer's MailComposer writes proper MIME (UTF-8 encoded subject, HTML and
// plain-text alternatives, attachments). `X-Unsent: 1` makes Outlook open it as a draft to send.
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlInput {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; content: Buffer }>;
  date: Date;
}

export async function buildEml(m: EmlInput): Promise<Buffer> {
  const mail = new MailComposer({
    ...(m.to ? { to: m.to } : {}),
    subject: m.subject,
    text: m.text,
    html: `<!doctype html><html><head><meta charset="utf-8"></head><body>${m.html}</body></html>`,
    attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.content })),
    date: m.date,
    headers: { 'X-Unsent': '1' },
    // Content comes only from buffers we pass: never let a field make it read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return mail.compile().build();
}
