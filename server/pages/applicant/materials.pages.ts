import type { Request, Response } from 'express';
import { type FormValues, ROLES, type Row } from '../../../forms/index.ts';
import { maskIdNumber } from '../../../lib/redact.ts';
import type { Application } from '../../../store/applications.repo.ts';
import type { ApplicationDocument } from '../../../store/documents.repo.ts';
import { ApplicationActions, EDITABLE } from '../../applications/actions.ts';
import { scopeOf } from '../../applications/scope.ts';
import type { MaterialSlot } from '../../catalog.ts';
import { alertBox, csrfField, emptyState } from '../../html/components.ts';
import { cls, html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import { HttpError } from '../../http/errors.ts';
import { applicantPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { KIND_LABELS, MIME_OF } from '../../uploads/magic.ts';
import { receiveUpload, takeUpload } from '../../uploads/receive.ts';
import { removePerson, setRoles } from '../../workspace/persons.ts';
import { buildWorkspace, ocrResultOf, type Workspace } from '../../workspace/workspace.ts';
import { readingsOf } from './readings.ts';
import { applicationHeader, documentLine, materialProgress, stepsBar } from './views.ts';

/**
 * 上传材料: the people of the application, each with their ID card (a new ID card adds a person, read by
 * OCR), then one card per other material. Every card has its own upload form, so errors land beside it.
 */
export function materialsRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);

  async function show(
    req: Request,
    res: Response,
    id: string,
    errors: Record<string, string> = {},
    status = 200,
  ) {
    const application = await actions.get(req, id);
    const bundle = services.catalog.bundle(application.bundleId);
    const slots = actions.materialsOf(application);
    const documents = await services.documents.list(scopeOf(signedIn(req)), application.id);
    const editable = EDITABLE.includes(application.status);
    // Someone about to upload: start OCR's engines now, so the first reading is not also a cold start.
    if (editable) services.reader?.warm();
    const view: MaterialsView = {
      application,
      documents,
      workspace: buildWorkspace(application, documents),
      editable,
      csrf: req.yj.session?.csrfToken ?? '',
      errors,
      base: `/my/applications/${application.id}`,
    };
    const personal = slots.filter((slot) => slot.perPerson);
    const general = slots.filter((slot) => !slot.perPerson);
    const progress = materialProgress(slots, documents);
    sendPage(
      req,
      res,
      {
        title: '上传材料',
        crumbs: [{ label: '我的办件', href: '/my' }],
        scripts: ['materials.js'],
        styles: ['applicant.css'],
        body: html`${applicationHeader(application, bundle)}${stepsBar('materials', application)}
<p class="page-lead">请拍照或扫描上传下列材料。身份证和营业执照上传后会<strong>自动识别</strong>并填入表单，您只需核对。支持 JPG、PNG、PDF，单个文件不超过 ${Math.round(services.options.uploadMaxBytes / 1024 / 1024)} MB。</p>
${errors._form ? alertBox('error', errors._form) : ''}
<div class="materials" data-live-self="${application.id}">
${personal.length ? personsCard(view, personal) : ''}
${general.length === 0 && personal.length === 0 ? html`<section class="card">${emptyState('无需上传材料', '请直接确认表单。')}</section>` : ''}
${general.map((slot) => slotCard(view, slot))}
</div>
<form method="post" action="${view.base}/roles" id="roles-form" class="actions actions--sticky" data-roles-form>${csrfField(view.csrf)}<span class="muted" data-materials-progress>必传材料 ${progress.done}/${progress.required}</span>
<span class="muted roles-status" role="status" data-roles-status></span>
${view.editable ? html`<button class="button button--primary button--large" type="submit" name="next" value="form">下一步：确认表单</button>` : html`<a class="button button--primary button--large" href="${view.base}/form">下一步：确认表单</a>`}</form>`,
      },
      status,
    );
  }

  return [
    applicantPage('get', '/my/applications/:id/materials', '上传材料', (req, res) =>
      show(req, res, String(req.params.id)),
    ),
    {
      method: 'post',
      path: '/my/applications/:id/documents',
      access: ['applicant'],
      kind: 'page',
      owns: 'application',
      summary: '上传一份材料',
      multipart: true,
      before: [
        receiveUpload({
          maxBytes: services.options.uploadMaxBytes,
          labelOf: (material) =>
            services.catalog
              .bundles()
              .flatMap((bundle) => services.catalog.materials(bundle.id, {}))
              .find((slot) => slot.id === material)?.label,
        }),
      ],
      handler: async (req, res) => {
        const id = String(req.params.id);
        const material = typeof req.body?.material === 'string' ? req.body.material : '';
        const subject = typeof req.body?.subject === 'string' && req.body.subject ? req.body.subject : null;
        const key = errorKey(material, subject);
        try {
          await actions.upload(req, id, { material, subject, file: takeUpload(req, res) });
          res.redirect(303, `/my/applications/${id}/materials#${key}`);
        } catch (error) {
          if (!(error instanceof HttpError) || ![400, 409, 413, 415, 422].includes(error.status)) throw error;
          await show(req, res, id, { [material ? key : '_form']: error.message }, error.status);
        }
      },
    },
    applicantPage(
      'post',
      '/my/applications/:id/documents/:documentId/delete',
      '删除一份材料',
      async (req, res) => {
        await actions.removeDocument(req, String(req.params.id), String(req.params.documentId));
        res.redirect(303, `/my/applications/${String(req.params.id)}/materials`);
      },
    ),
    applicantPage('post', '/my/applications/:id/roles', '保存各人员担任的职务', async (req, res) => {
      const id = String(req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const application = await actions.get(req, id);
      // One save path for every person's ticks: the page saves them as they change (JavaScript) and
      // 下一步 posts them again, so nothing ticked is lost either way.
      let typed = application.typed as FormValues;
      const persons = listOf(body.person).filter((person) => /^[A-Za-z0-9_-]{1,40}$/.test(person));
      for (const person of persons) {
        const roles = listOf(body[`roles.${person}`]).filter((role) =>
          (ROLES as readonly string[]).includes(role),
        );
        typed = setRoles(typed, person, roles);
      }
      if (persons.length && EDITABLE.includes(application.status))
        await actions.saveTyped(req, id, { typed });
      if (body.next === 'form') res.redirect(303, `/my/applications/${id}/form`);
      else if (req.get('X-Requested-With') === 'fetch') res.status(204).end();
      else res.redirect(303, `/my/applications/${id}/materials${persons[0] ? `#person-${persons[0]}` : ''}`);
    }),
    applicantPage(
      'post',
      '/my/applications/:id/documents/:documentId/confirm',
      '确认证照识别结果',
      async (req, res) => {
        const id = String(req.params.id);
        const field = typeof req.body?.field === 'string' ? req.body.field : '';
        await actions.confirmReading(req, id, String(req.params.documentId), field);
        res.redirect(303, `/my/applications/${id}/materials#reading-${String(req.params.documentId)}`);
      },
    ),
    applicantPage(
      'post',
      '/my/applications/:id/persons/:personId/delete',
      '移除一位人员及其证件',
      async (req, res) => {
        const id = String(req.params.id);
        const person = String(req.params.personId);
        const application = await actions.get(req, id);
        const documents = await services.documents.list(scopeOf(signedIn(req)), id);
        for (const document of documents.filter((doc) => doc.subject === person)) {
          await actions.removeDocument(req, id, document.id);
        }
        await actions.saveTyped(req, id, { typed: removePerson(application.typed as FormValues, person) });
        res.redirect(303, `/my/applications/${id}/materials`);
      },
    ),
  ];
}

const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];

interface MaterialsView {
  application: Application;
  documents: ApplicationDocument[];
  workspace: Workspace;
  editable: boolean;
  csrf: string;
  errors: Record<string, string>;
  base: string;
}

const errorKey = (material: string, subject: string | null) =>
  subject ? `${material}-${subject}` : material;

function uploadForm(
  view: MaterialsView,
  slot: MaterialSlot,
  subject: string | null,
  label: string,
): SafeHtml {
  const key = errorKey(slot.id, subject);
  const error = view.errors[key];
  const inputId = `file-${key}`;
  return html`<form class="upload" method="post" action="${view.base}/documents" enctype="multipart/form-data" data-upload>
    ${csrfField(view.csrf)}<input type="hidden" name="material" value="${slot.id}">${subject ? html`<input type="hidden" name="subject" value="${subject}">` : ''}
    <label class="upload__pick" for="${inputId}"><span class="upload__icon" aria-hidden="true">＋</span><span>${label}</span><span class="upload__types">${slot.accepts.map((kind) => KIND_LABELS[kind]).join(' / ')}</span></label>
    <input class="upload__input" id="${inputId}" type="file" name="file" accept="${slot.accepts.map((kind) => MIME_OF[kind]).join(',')}"${error ? html` aria-invalid="true" aria-describedby="${inputId}-error"` : ''}>
    <button class="button upload__submit" type="submit">上传</button>
    ${error ? html`<p class="field__error" id="${inputId}-error" role="alert">${error}</p>` : ''}
  </form>`;
}

function documentList(view: MaterialsView, documents: ApplicationDocument[]): SafeHtml | '' {
  if (!documents.length) return '';
  return html`<ul class="docs">${documents.map((doc) => {
    const readings = readingsOf({ ...view, document: doc });
    return html`${documentLine(
      view.application,
      doc,
      view.editable
        ? html`<form method="post" action="${view.base}/documents/${doc.id}/delete" class="doc__remove">${csrfField(view.csrf)}<button class="link-button link-button--danger" type="submit" data-confirm="确定删除「${doc.fileName}」吗？">删除</button></form>`
        : '',
    )}${readings ? html`<li class="docs__readings" id="reading-${doc.id}">${readings}</li>` : ''}`;
  })}</ul>`;
}

function slotCard(view: MaterialsView, slot: MaterialSlot): SafeHtml {
  const mine = view.documents.filter((doc) => doc.material === slot.id);
  return html`<section class="${cls('card', 'material', view.errors[slot.id] && 'material--error', mine.length > 0 && 'material--done')}" id="${slot.id}">
  <div class="material__head"><h2 class="material__title">${slot.label}</h2>
  ${slot.required ? html`<span class="tag tag--required">必传</span>` : html`<span class="tag">选传</span>`}
  ${slot.ocr ? html`<span class="tag tag--ocr">自动识别</span>` : ''}</div>
  ${slot.hint ? html`<p class="material__hint">${slot.hint}</p>` : ''}
  ${documentList(view, mine)}
  ${view.editable ? uploadForm(view, slot, null, mine.length ? '再上传一份' : '选择文件或拍照') : ''}
</section>`;
}

/** One card per person: their name (as read or typed), ID card sides and other personal materials. */
function personsCard(view: MaterialsView, slots: MaterialSlot[]): SafeHtml {
  const persons = (
    Array.isArray(view.application.values.persons) ? view.application.values.persons : []
  ) as Row[];
  const front = slots.find((slot) => slot.id === 'idCardFront');
  return html`<section class="card material" id="persons">
  <div class="material__head"><h2 class="material__title">人员身份证</h2><span class="tag tag--required">必传</span><span class="tag tag--ocr">自动识别</span></div>
  <p class="material__hint">股东、法定代表人、董事、监事、经理、财务负责人、联络员等，每人上传一张身份证。同一人担任多个职务只需上传一次。</p>
  <div class="persons">${persons.map((person, index) => {
    const id = String(person.id ?? '');
    const card = view.documents.find((doc) => doc.material === 'idCardFront' && doc.subject === id);
    const read = card ? ocrResultOf(card)?.fields : undefined;
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    const name = text(person.name) ?? text(read?.name?.value) ?? `人员 ${index + 1}`;
    const rawId = text(person.idNumber) ?? text(read?.idNumber?.value);
    const idNumber = rawId ? maskIdNumber(rawId) : '';
    const roles = Array.isArray(person.roles) ? person.roles.map(String) : [];
    return html`<div class="person" id="person-${id}">
    <div class="person__head"><span class="person__avatar" aria-hidden="true">${name.slice(0, 1)}</span>
      <span class="person__who"><span class="person__name">${name}</span><span class="muted">${idNumber || '证件信息待识别'}</span></span>
      ${view.editable ? html`<form method="post" action="${view.base}/persons/${id}/delete" class="person__remove">${csrfField(view.csrf)}<button class="link-button link-button--danger" type="submit" data-confirm="确定移除「${name}」及其证件吗？">移除此人</button></form>` : ''}</div>
    ${rolesForm(view, id, roles)}
    ${slots.map((slot) => {
      const mine = view.documents.filter((doc) => doc.material === slot.id && doc.subject === id);
      return html`<div class="${cls('person__slot', view.errors[errorKey(slot.id, id)] && 'material--error')}" id="${errorKey(slot.id, id)}"><p class="person__slot-label">${slot.label}${slot.required ? '' : html` <span class="tag">选传</span>`}</p>
      ${documentList(view, mine)}
      ${view.editable && (mine.length === 0 || view.errors[errorKey(slot.id, id)]) ? uploadForm(view, slot, id, '上传') : ''}</div>`;
    })}
  </div>`;
  })}</div>
  ${front && view.editable ? html`<div class="persons__add" id="idCardFront">${persons.length ? html`<p class="person__slot-label">还有其他人员？</p>` : ''}${uploadForm(view, front, null, persons.length ? '上传下一位人员的身份证人像面' : '上传第一位人员的身份证人像面')}</div>` : ''}
</section>`;
}

/** The roles a person holds: what each department's form asks about them follows from these. */
function rolesForm(view: MaterialsView, id: string, roles: readonly string[]): SafeHtml {
  const missing = roles.length === 0;
  // The boxes belong to the page's one roles form (at the foot, with 下一步): forms cannot nest in uploads.
  return html`<div class="${cls('person__roles', missing && 'person__roles--missing')}" data-person-roles="${id}">
    <input type="hidden" name="person" value="${id}" form="roles-form"><p class="person__slot-label">担任职务${missing ? html` <span class="tag tag--required">请勾选</span>` : ''}</p>
    <div class="checks checks--grid">${ROLES.map((role) => html`<label class="check check--inline"><input type="checkbox" form="roles-form" name="roles.${id}" value="${role}"${roles.includes(role) ? html` checked` : ''}${view.editable ? '' : html` disabled`}> ${role}</label>`)}</div>
    ${view.editable ? html`<button class="button button--small person__roles-save" type="submit" form="roles-form">保存职务</button>` : ''}
  </div>`;
}
