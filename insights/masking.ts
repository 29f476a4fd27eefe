/**
 * Masks e-mail addresses and phone numbers in free text, for logs and exports: enough is kept to
 * tell two values apart when reading ("j***@e***.fr", "** ** ** ** 78"), not enough to contact anyone.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@([\p{L}\p{N}-]+\.)+\p{L}{2,}/gu;
/**
 * A run of digits with the usual separators (spaces, dots, dashes, parentheses, and "+", a space
 * in a form-encoded query), optionally after "+", holding 9 to 15 digits: French numbers
 * (06 12 34 56 78, +33 6 12 34 56 78) and E.164. Dates and times have fewer digits and are left alone.
 */
const PHONE = /(?<![\p{L}\p{N}])\+?\d(?:[\s.\-()+]{0,2}\d){8,14}(?![\p{L}\p{N}])/gu;

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = domain.slice(dot);
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
}

function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  // Keep the layout and the last two digits; every other digit becomes "*".
  return phone.replace(/\d/g, (d) => {
    seen += 1;
    return seen > digits - 2 ? d : '*';
  });
}

export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, maskEmail).replace(PHONE, maskPhone);
}
