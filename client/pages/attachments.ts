/**
 * The petitioner's photos and documents (docs/API.md, "Attachments"): each
 * file declared, PUT to its presigned address, then completed; and the list
 * with download links.
 */
import { api, call, type Outcome } from './api.ts';
import type { components } from '../index.ts';
import { h } from './dom.ts';

export type Attachment = components['schemas']['Attachment'];
type ContentType = components['schemas']['PostCasesByIdAttachmentsBody']['contentType'];

/** What the API takes; the file picker's `accept` says the same. */
export const ACCEPTED: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'];

/** Declares, uploads and completes one file of case `id`. */
export async function upload(id: string, accessCode: string, file: File): Promise<Outcome<Attachment>> {
  const access = { params: { path: { id } }, headers: { 'X-Access-Code': accessCode } };
  const declared = await call(() =>
    api.POST('/v1/cases/{id}/attachments', { ...access, body: { fileName: file.name, contentType: file.type as ContentType, size: file.size } }),
  );
  if (declared.kind !== 'answer') return declared;
  try {
    const stored = await fetch(declared.data.uploadUrl, { method: 'PUT', headers: declared.data.uploadHeaders, body: file });
    if (!stored.ok) return { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  }
  return call(() => api.POST('/v1/cases/{id}/attachments/{attachmentId}/complete', { params: { path: { id, attachmentId: declared.data.id } }, headers: access.headers }));
}

/** The files the petitioner sees, as a list of download links. */
export async function attachmentList(id: string, accessCode: string): Promise<HTMLElement> {
  const outcome = await call(() => api.GET('/v1/cases/{id}/attachments', { params: { path: { id } }, headers: { 'X-Access-Code': accessCode } }));
  if (outcome.kind !== 'answer') return h('p', {}, '附件暂时无法读取，请稍后刷新。');
  if (outcome.data.items.length === 0) return h('p', {}, '还没有附件。');
  return h(
    'ul',
    { class: 'attachments' },
    ...outcome.data.items.map((file) =>
      h('li', {}, h('a', { href: file.downloadUrl, download: file.fileName }, file.fileName), ` （${file.by === 'staff' ? '工作人员' : '本人'}上传，${Math.ceil(file.size / 1024)} KB）`),
    ),
  );
}

/** Uploads `files` one by one; answers a line per file saying what came of it. */
export async function uploadAll(id: string, accessCode: string, files: File[]): Promise<{ failed: File[]; lines: HTMLElement[] }> {
  const failed: File[] = [];
  const lines: HTMLElement[] = [];
  for (const file of files) {
    const outcome = await upload(id, accessCode, file);
    if (outcome.kind === 'answer') lines.push(h('li', {}, `${file.name}：已上传`));
    else {
      failed.push(file);
      lines.push(h('li', { class: 'problem' }, `${file.name}：${outcome.kind === 'problem' ? [outcome.problem.title, outcome.problem.detail, ...outcome.problem.errors.map((e) => e.message)].filter(Boolean).join('；') : '网络不通，未上传'}`));
    }
  }
  return { failed, lines };
}
