/**
 * The one place the accessibility-report pages take the back-office shell and form pieces from.
 * The shell lives in identity's admin folder today; when it moves to the platform, repoint these
 * lines and nothing else in site/reports changes.
 */
export { adminLang } from '../../identity/admin/layout.ts';
export { personOf, sendAdmin } from '../../identity/admin/common.ts';
