import { readdir, readFile, readlink } from 'node:fs/promises';

/**
 * Which of some processes holds the client end of a loopback TCP connection, found from /proc (Linux): the socket
 * whose local port is `clientPort` in /proc/net/tcp, then the process among `pids` with a descriptor on that inode.
 * Resolves null when the connection is gone or /proc is not there. For a soak's evidence only, not for decisions.
 */
export async function socketOwner(clientPort: number, pids: number[]): Promise<number | null> {
  let table: string;
  try {
    table = await readFile('/proc/net/tcp', 'utf8');
  } catch {
    return null;
  }
  const portHex = clientPort.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[1]?.endsWith(`:${portHex}`) && fields[9] !== undefined && fields[9] !== '0') inodes.add(`socket:[${fields[9]}]`);
  }
  if (inodes.size === 0) return null;
  for (const pid of pids) {
    const descriptors = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const descriptor of descriptors) {
      const target = await readlink(`/proc/${pid}/fd/${descriptor}`).catch(() => '');
      if (inodes.has(target)) return pid;
    }
  }
  return null;
}
