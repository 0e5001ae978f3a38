import type { Locator } from 'playwright-core';
import type { Widget } from '../types.ts';
import { fits } from './layui-dom.ts';
import { TRIES } from './library-dom.ts';
import { libraryUpload } from './library-upload.ts';

// ——— layui.upload ———

/** What the slot shows of its file: the upload list's text without the size. */
async function shownFile(field: Locator): Promise<string> {
  const list = field.locator('.layui-upload-list');
  const text = (await list.count()) > 0 ? await list.first().textContent() : await field.textContent();
  return (text ?? '').replace(/（[^）]*）\s*$/, '').trim();
}

export const upload = (): Widget =>
  libraryUpload({
    kind: 'layui-upload',
    fileInput: (run, field) =>
      fits(run, field, 'input.layui-upload-file', '上传（upload.render 生成的文件框）'),
    shownFile,
    tries: TRIES,
  });
