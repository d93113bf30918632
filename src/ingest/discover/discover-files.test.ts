import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverFiles, type DiscoverFilesOptions } from './discover-files.js';
import { isGroundedError } from '../../core/errors.js';

const supported = (path: string): boolean => /\.(md|txt|jsonl)(\.gz)?$/i.test(path);

/** Creates a temp folder holding `files` (path -> content) and returns its path; removed after the test. */
async function tree(t: { after: (fn: () => Promise<void>) => void }, files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'grounded-discover-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

async function relativePaths(paths: string[], options: Partial<DiscoverFilesOptions> = {}): Promise<string[]> {
  const { files } = await discoverFiles(paths, { supported, ...options });
  return files.map((file) => file.relativePath);
}

test('walks a folder recursively, sorted, with root, absolute path and size', async (t) => {
  const root = await tree(t, { 'b.md': 'bb', 'a/z.txt': 'z', 'a/b/c.md': 'ccc', 'data/corpus.jsonl.gz': 'x' });
  const { files, problems } = await discoverFiles([root], { supported });
  assert.deepEqual(problems, []);
  assert.deepEqual(
    files.map((file) => [file.relativePath, file.size]),
    [
      ['a/b/c.md', 3],
      ['a/z.txt', 1],
      ['b.md', 2],
      ['data/corpus.jsonl.gz', 1],
    ],
  );
  for (const file of files) {
    assert.equal(file.root, root);
    assert.equal(file.absolutePath, join(root, ...file.relativePath.split('/')));
  }
});

test('skips hidden entries, .git and node_modules, and unsupported files silently', async (t) => {
  const root = await tree(t, {
    'keep.md': '',
    '.hidden.md': '',
    '.git/HEAD.md': '',
    '.obsidian/notes.md': '',
    'node_modules/pkg/README.md': '',
    'sub/node_modules/x.md': '',
    'image.png': '',
    'sub/data.csv': '',
  });
  const { files, problems } = await discoverFiles([root], { supported });
  assert.deepEqual(files.map((file) => file.relativePath), ['keep.md']);
  assert.deepEqual(problems, []);
});

test('honours .gitignore in the root and nested folders, relative to their own folder', async (t) => {
  const root = await tree(t, {
    '.gitignore': '*.txt\nbuild/\n/top-only.md\n',
    'a.md': '',
    'notes.txt': '',
    'top-only.md': '',
    'build/out.md': '',
    'docs/top-only.md': '',
    'docs/.gitignore': 'draft-*.md\n!keep.txt\n/local.md\n',
    'docs/draft-1.md': '',
    'docs/keep.txt': '',
    'docs/other.txt': '',
    'docs/local.md': '',
    'docs/deeper/local.md': '',
    'docs/deeper/draft-2.md': '',
  });
  assert.deepEqual(await relativePaths([root]), ['a.md', 'docs/deeper/local.md', 'docs/keep.txt', 'docs/top-only.md']);
});

test('include and exclude globs match the relative path; exclude wins and prunes folders', async (t) => {
  const root = await tree(t, {
    'guide/a.md': '',
    'guide/b.txt': '',
    'guide/drafts/c.md': '',
    'api/d.md': '',
    'api/.well-known/e.md': '',
  });
  assert.deepEqual(await relativePaths([root], { include: ['guide/**'] }), ['guide/a.md', 'guide/b.txt', 'guide/drafts/c.md']);
  assert.deepEqual(await relativePaths([root], { include: ['**/*.md'], exclude: ['**/drafts/**'] }), ['api/d.md', 'guide/a.md']);
  assert.deepEqual(await relativePaths([root], { exclude: ['guide/drafts', 'api'] }), ['guide/a.md', 'guide/b.txt']);
});

test('a named file has its parent as root and its name as relative path', async (t) => {
  const root = await tree(t, { 'sub/one.md': 'hello' });
  const { files } = await discoverFiles([join(root, 'sub', 'one.md')], { supported });
  assert.deepEqual(files, [{ root: join(root, 'sub'), relativePath: 'one.md', absolutePath: join(root, 'sub', 'one.md'), size: 5 }]);
});

test('reports a named unsupported file, never a walked one', async (t) => {
  const root = await tree(t, { 'data.xyz': '', 'Makefile': '', 'sub/other.xyz': '' });
  const named = [join(root, 'data.xyz'), join(root, 'Makefile')];
  const { files, problems } = await discoverFiles([...named, join(root, 'sub')], { supported });
  assert.deepEqual(files, []);
  assert.deepEqual(problems, [
    { path: named[1], reason: 'unsupported file type (no extension)' },
    { path: named[0], reason: "unsupported file type '.xyz'" },
  ]);
});

test('throws PATH_NOT_FOUND for a missing path', async (t) => {
  const root = await tree(t, {});
  const missing = join(root, 'nope');
  await assert.rejects(
    discoverFiles([missing], { supported }),
    (error) => isGroundedError(error, 'PATH_NOT_FOUND') && error.message === `no such file or directory: ${missing}` && error.hint !== undefined,
  );
});

test('follows symlinked files, not symlinked folders, and reports dangling links', async (t) => {
  const root = await tree(t, { 'real/a.md': 'aaaa', 'real/sub/c.md': 'cccc', 'outside/b.md': '' });
  await symlink(join(root, 'real', 'sub', 'c.md'), join(root, 'real', 'link.md'));
  await symlink(join(root, 'real'), join(root, 'real', 'loop')); // a cycle if followed
  await symlink(join(root, 'outside'), join(root, 'real', 'outside-link'));
  await symlink(join(root, 'real', 'gone.md'), join(root, 'real', 'dangling.md'));
  const { files, problems } = await discoverFiles([join(root, 'real')], { supported, exclude: ['sub/**'] });
  assert.deepEqual(files.map((file) => [file.relativePath, file.size]), [
    ['a.md', 4],
    ['link.md', 4],
  ]);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.path, 'dangling.md');
  assert.match(problems[0]?.reason ?? '', /^unreadable: .*ENOENT/);

  const named = await discoverFiles([join(root, 'real', 'dangling.md')], { supported });
  assert.deepEqual(named.files, []);
  assert.match(named.problems[0]?.reason ?? '', /^unreadable: /);
});

test('a file reached through two paths is listed once, from the first path', async (t) => {
  const root = await tree(t, { 'docs/a.md': '', 'docs/sub/b.md': '' });
  const { files } = await discoverFiles([join(root, 'docs'), join(root, 'docs', 'sub'), join(root, 'docs', 'a.md')], { supported });
  assert.deepEqual(files.map((file) => [file.root, file.relativePath]), [
    [join(root, 'docs'), 'a.md'],
    [join(root, 'docs'), 'sub/b.md'],
  ]);
});

test('output does not depend on the order the paths are walked in', async (t) => {
  const root = await tree(t, { 'x/2.md': '', 'x/10.md': '', 'y/B.md': '', 'y/a.md': '' });
  const forward = await discoverFiles([join(root, 'x'), join(root, 'y')], { supported });
  const backward = await discoverFiles([join(root, 'y'), join(root, 'x')], { supported });
  assert.deepEqual(forward, backward);
  assert.deepEqual(forward.files.map((file) => file.relativePath), ['10.md', '2.md', 'B.md', 'a.md']);
});
