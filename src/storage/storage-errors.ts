/** What the clerk is told when the browser will not keep the draft. */

export function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Safari and old Firefox report the quota with other names or the legacy code 22 / 1014.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function refusalMessage(error: unknown): string {
  if (isQuotaError(error)) {
    return '浏览器的存储空间已满，最近的修改没有保存到本机。请立即下载草稿文件保存一份，再清理浏览器存储空间。';
  }
  return '浏览器拒绝保存数据（可能处于隐私/无痕模式，或存储功能被禁用），最近的修改没有保存到本机。请立即下载草稿文件保存一份。';
}

export const MEMORY_ONLY_MESSAGE =
  '此浏览器不允许本工具保存数据（可能处于隐私/无痕模式）。您仍可填写，但内容只保存在当前页面中，关闭或刷新页面就会丢失。请随时下载草稿文件保存。';
