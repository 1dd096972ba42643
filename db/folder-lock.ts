import fs from 'node:fs';
import path from 'node:path';

export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database folder ${folder} is already in use by process ${holderPid}. ` +
        `PGlite can be opened by one process only: stop that process (e.g. the other "npm start") or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = 'FolderLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes an exclusive, process-wide lock on a folder; a lock left by a dead process is taken over. */
export function lockFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = path.join(folder, '.lanekeeper.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holderPid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (holderPid === process.pid) throw new FolderLockedError(folder, holderPid);
      if (Number.isInteger(holderPid) && holderPid > 0 && isAlive(holderPid)) {
        throw new FolderLockedError(folder, holderPid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${folder}`);
}
