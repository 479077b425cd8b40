import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createSkillsClient } from '../../../src/core/api';
import { iteratePages, type PageFetcher } from '../../../src/core/api/pagination';
import type { Page } from '../../../src/core/api';
import { collect } from './collect';

/** A fetcher serving `pages` in order and recording the cursors it was asked for. */
function scripted(pages: Array<Page<number>>): { fetchPage: PageFetcher<number>; cursors: Array<string | null> } {
  const cursors: Array<string | null> = [];
  let index = 0;
  const fetchPage: PageFetcher<number> = (cursor) => {
    cursors.push(cursor);
    const page = pages[index++];
    return page ? Promise.resolve(page) : Promise.reject(new Error('asked for a page past the end'));
  };
  return { fetchPage, cursors };
}

describe('iteratePages', () => {
  it('follows cursors until next_page is null', async () => {
    const { fetchPage, cursors } = scripted([
      { items: [1, 2], nextPage: 'a' },
      { items: [3], nextPage: 'b' },
      { items: [4], nextPage: null },
    ]);
    assert.deepEqual(await collect(iteratePages(fetchPage)), [1, 2, 3, 4]);
    assert.deepEqual(cursors, [null, 'a', 'b']);
  });

  it('stops on an empty page even when it names a next page', async () => {
    const { fetchPage } = scripted([
      { items: [1], nextPage: 'a' },
      { items: [], nextPage: 'b' },
    ]);
    assert.deepEqual(await collect(iteratePages(fetchPage)), [1]);
  });

  it('stops when a cursor comes back a second time', async () => {
    const { fetchPage, cursors } = scripted([
      { items: [1], nextPage: 'a' },
      { items: [2], nextPage: 'a' },
    ]);
    assert.deepEqual(await collect(iteratePages(fetchPage)), [1, 2]);
    assert.deepEqual(cursors, [null, 'a']);
  });
});

describe('iterateSkills against a server that never ends its list', () => {
  let server: Server;
  let url = '';
  let requests = 0;
  before(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [], has_more: true, next_page: 'page_again' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('stops after the first empty page', async () => {
    const client = createSkillsClient({ apiKey: 'test-key-not-real', baseUrl: url, maxRetries: 0 });
    assert.deepEqual(await collect(client.iterateSkills()), []);
    assert.equal(requests, 1);
  });
});
