import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering is enforced by lint', () => {
  it('keeps server/domain free of the database, tRPC and Next', async () => {
    expect(
      await restrictedImports(
        'server/domain/probe.ts',
        "import { products } from '../../db/schema';\nexport const x = products;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('server/domain/probe.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'server/domain/probe.ts',
        "import { TRPCError } from '@trpc/server';\nexport const x = TRPCError;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'server/domain/probe.ts',
        "import { cookies } from 'next/headers';\nexport const x = cookies;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('server/domain/probe.ts', "import { z } from 'zod';\nexport const x = z;\n"),
    ).toHaveLength(0);
  });

  it('keeps routers away from db/ and drizzle', async () => {
    expect(
      await restrictedImports(
        'server/trpc/routers/probe.ts',
        "import { products } from '../../../db/schema';\nexport const x = products;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'server/trpc/routers/probe.ts',
        "import { sql } from 'drizzle-orm';\nexport const x = sql;\n",
      ),
    ).toHaveLength(1);
  });

  it('keeps app/ and lanes/ away from db/', async () => {
    expect(
      await restrictedImports('app/probe.tsx', "import { products } from '@/db/schema';\nexport const x = products;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'lanes/probe.ts',
        "import { openDatabase } from '../db/client';\nexport const x = openDatabase;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'app/probe.tsx',
        "import { formatFen } from '@/server/domain/money';\nexport const x = formatFen;\n",
      ),
    ).toHaveLength(0);
  });
});
