/**
 * The sandboxed preload: exposes the host contract to the renderer as named,
 * intention-level methods. It never exposes ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_GLOBAL, ipcChannels, type Host } from '../core/host-contract.ts';

const invoke = <T>(channel: string, payload?: unknown): Promise<T> =>
  ipcRenderer.invoke(channel, payload) as Promise<T>;

const host: Omit<Host, 'kind'> & { kind: 'electron' } = {
  kind: 'electron',
  appInfo: () => invoke(ipcChannels.appInfo.channel),
  openFiles: () => invoke(ipcChannels.openFiles.channel),
  exportBegin: (suggestedName) => invoke(ipcChannels.exportBegin.channel, { suggestedName }),
  exportWrite: (id, chunk) => invoke(ipcChannels.exportWrite.channel, { id, chunk }),
  exportCommit: (id) => invoke(ipcChannels.exportCommit.channel, { id }),
  exportAbort: (id) => invoke(ipcChannels.exportAbort.channel, { id }),
  backupWrite: (name, data) => invoke(ipcChannels.backupWrite.channel, { name, data }),
  backupList: () => invoke(ipcChannels.backupList.channel),
  backupRead: (name) => invoke(ipcChannels.backupRead.channel, { name }),
  openExternal: (url) => invoke(ipcChannels.openExternal.channel, { url }),
  teamSignIn: (server, user, password) =>
    invoke(ipcChannels.teamSignIn.channel, { server, user, password }),
  teamSession: (server) => invoke(ipcChannels.teamSession.channel, { server }),
  teamSignOut: (server) => invoke(ipcChannels.teamSignOut.channel, { server }),
  // A signal cannot cross the bridge: the main process times requests out.
  teamRequest: (req) => invoke(ipcChannels.teamRequest.channel, req),
  setUiLanguage: (lang) => invoke(ipcChannels.setUiLanguage.channel, { lang }),
};

contextBridge.exposeInMainWorld(HOST_GLOBAL, host);
