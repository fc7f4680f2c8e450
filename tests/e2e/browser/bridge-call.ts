// A call through the running bridge from inside the page, with the page's own token, as another
// window of the app would make it: for setting up state a test is not about.
import type { Page } from '@playwright/test';
import type { Result } from '../../../common/contract/result';

export async function bridgeCall<T>(page: Page, channel: string, args: unknown): Promise<Result<T>> {
  return page.evaluate(
    async ([name, body]) => {
      const token = sessionStorage.getItem('loadwise.token');
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return (await res.json()) as Result<T>;
    },
    [channel, args] as const,
  );
}
