import type { Locator } from 'playwright-core';
import type { Widget } from '../../types.ts';
import { TRIES } from '../library-dom.ts';
import { libraryUpload } from '../library-upload.ts';
import { fits } from './dom.ts';

/** The name of the file the list shows as uploaded ('' when none or when it failed). */
async function shownFile(field: Locator): Promise<string> {
  const done = field.locator('.ant-upload-list-item-done .ant-upload-list-item-name');
  return (await done.count()) > 0 ? ((await done.last().textContent()) ?? '').trim() : '';
}

export const upload = (): Widget =>
  libraryUpload({
    kind: 'antdv-upload',
    fileInput: (run, field) =>
      fits(run, field, '.ant-upload input[type=file]', '上传（.ant-upload 的文件框）'),
    shownFile,
    failedSilently: async (field) => (await field.locator('.ant-upload-list-item-error').count()) > 0,
    tries: TRIES,
  });
