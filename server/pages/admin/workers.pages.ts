import type { WorkerStatus } from '../../../queue/heartbeat.ts';
import { emptyState, formatTime } from '../../html/components.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { HttpError } from '../../http/errors.ts';
import { adminPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { PORTAL_NAMES } from './names.ts';

/**
 * 工作进程: every process that runs bots, on this machine or another, from the heartbeats they write to
 * Redis — where it runs, which version, which portals it serves, how many jobs it is running now, and when
 * it last said it was alive. A process that stopped beating is shown as lost until it is forgotten.
 */
export function workerRoutes(services: Services): RouteSpec[] {
  return [
    adminPage('get', '/admin/workers', '工作进程', async (req, res) => {
      if (!services.bots) throw new HttpError(503, 'BOTS_OFFLINE', '机器人队列暂未接入');
      const workers = await services.bots.workers();
      const alive = workers.filter((worker) => !worker.lost);
      sendPage(req, res, {
        title: '工作进程',
        active: '/admin/workers',
        width: 'wide',
        lead: '运行机器人的进程（本机和其他机器上的 yijian worker），每 5 秒报告一次状态。',
        body: html`<div class="stats">
  <div class="stat"><span class="stat__value">${String(alive.length)}</span><span class="stat__label">在线进程</span></div>
  <div class="stat"><span class="stat__value">${String(alive.reduce((sum, worker) => sum + worker.running, 0))}</span><span class="stat__label">正在办理</span></div>
  <div class="stat"><span class="stat__value">${String(workers.length - alive.length)}</span><span class="stat__label">失联进程</span></div>
</div>
<section class="card">${workers.length ? workersTable(workers) : emptyState('没有工作进程', '启动 yijian start 或 yijian worker 后会出现在这里。')}</section>`,
      });
    }),
  ];
}

function workersTable(workers: WorkerStatus[]): SafeHtml {
  return html`<div class="table-wrap"><table class="table table--workers">
<thead><tr><th>进程</th><th>主机</th><th>版本</th><th>服务的部门系统</th><th>正在办理</th><th>启动时间</th><th>最近心跳</th><th>状态</th></tr></thead>
<tbody>${workers.map(
    (worker) => html`<tr data-worker="${worker.id}">
  <td data-label="进程">PID ${String(worker.pid)}${worker.coordinator ? html` <span class="tag">协调</span>` : ''}</td>
  <td data-label="主机">${worker.host}</td>
  <td data-label="版本">${worker.version}</td>
  <td data-label="服务的部门系统">${worker.portals.map((id) => PORTAL_NAMES[id] ?? id).join('、')}</td>
  <td data-label="正在办理">${String(worker.running)} / ${String(worker.concurrency * worker.portals.length)}</td>
  <td data-label="启动时间" class="nowrap">${formatTime(new Date(worker.startedAt))}</td>
  <td data-label="最近心跳" class="nowrap">${formatTime(new Date(worker.beatAt))}</td>
  <td data-label="状态">${worker.lost ? html`<span class="badge badge--returned">失联</span>` : html`<span class="badge badge--completed">在线</span>`}</td>
</tr>`,
  )}</tbody></table></div>`;
}
