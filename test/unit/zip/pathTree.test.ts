import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PATH_LIMITS, PathTree } from '../../../src/core/zip/pathTree';

const treeOf = (paths: readonly string[]): PathTree<string> => {
  const tree = new PathTree<string>();
  for (const path of paths) tree.add(path, path);
  return tree;
};

/** A path `depth` levels deep: `depth - 1` folders, then a file. */
const deepPath = (depth: number, leaf = 'f.txt'): string => [...Array.from({ length: depth - 1 }, () => 'd'), leaf].join('/');

describe('PathTree', () => {
  it('finds files and folders by their exact path', () => {
    const tree = treeOf(['s/SKILL.md', 's/scripts/run.py']);
    assert.equal(tree.find('s/scripts/run.py')?.kind, 'file');
    assert.equal(tree.find('s/scripts')?.kind, 'folder');
    assert.equal(tree.find('')?.kind, 'folder');
    assert.equal(tree.find('S/SKILL.md'), undefined, 'case matters when looking up');
    assert.equal(tree.find('s/SKILL.md/x'), undefined);
  });

  it("refuses a file that is also another file's folder, in either order", () => {
    assert.throws(() => treeOf(['s/a', 's/a/b']), /"s\/a" is a file, but "s\/a\/b" needs it to be a folder/);
    assert.throws(() => treeOf(['s/a/b', 's/a']), /"s\/a" is a file, but "s\/a\/b" needs it to be a folder/);
  });

  it('refuses names that differ only in case, for files and folders', () => {
    assert.throws(() => treeOf(['s/a.txt', 's/A.txt']), /"s\/a\.txt" and "s\/A\.txt" differ only in case/);
    assert.throws(() => treeOf(['s/docs/a.md', 's/Docs/b.md']), /"s\/docs" and "s\/Docs" differ only in case/);
    assert.throws(() => treeOf(['s/x', 's/X/y']), /"s\/x" and "s\/X" differ only in case/);
  });

  it('refuses names that differ only in Unicode form, as macOS sees them', () => {
    assert.throws(() => treeOf(['s/caf\u00e9.md', 's/cafe\u0301.md']), /differ only in case or Unicode form/);
  });

  it('refuses the same path twice', () => {
    assert.throws(() => treeOf(['s/a', 's/a']), /"s\/a" appears twice/);
  });

  it('refuses paths deeper, longer or with longer names than its limits, and takes them at the limits', () => {
    assert.throws(() => treeOf([deepPath(4000)]), /is 4,000 levels deep; at most 128 are allowed/);
    assert.throws(() => treeOf([`s/${'n'.repeat(70_000)}`]), /is 70002 bytes long; a path may be at most 4096 bytes/);
    assert.throws(() => treeOf([`s/${'é'.repeat(128)}`]), /A name in .* is 256 bytes long; a file or folder name may be at most 255 bytes/);
    assert.throws(() => treeOf([`s/${'€'.repeat(86)}`]), /A name in .* is 258 bytes long/, '3 bytes a character');
    assert.equal(treeOf([`s/${'€'.repeat(85)}`]).find(`s/${'€'.repeat(85)}`)?.kind, 'file', '255 bytes');
    assert.throws(() => treeOf([`${'€'.repeat(14)}/`.repeat(100) + 'f']), /is 4301 bytes long; a path may be at most 4096 bytes/);
    const atLimits = treeOf([deepPath(PATH_LIMITS.maxDepth), `s/${'n'.repeat(PATH_LIMITS.maxNameBytes)}`]);
    assert.equal(atLimits.find(deepPath(PATH_LIMITS.maxDepth))?.kind, 'file');
  });

  it('builds large trees in one pass: 300 files at the greatest depth, and 10,000 files in one folder', () => {
    const deep = Array.from({ length: 300 }, (_, i) => deepPath(PATH_LIMITS.maxDepth, `f${i}`));
    assert.equal(treeOf(deep).find(deepPath(PATH_LIMITS.maxDepth, 'f299'))?.kind, 'file');
    const wide = Array.from({ length: 10_000 }, (_, i) => `s/f${i}`);
    const folder = treeOf(wide).find('s');
    assert.equal(folder?.kind === 'folder' && folder.children.size, 10_000);
  });
});

describe('PathTree, paths grouped by folder', () => {
  /** What adding `paths` in order does: each path's error message or `ok`, then what `find` sees of each. */
  const outcome = (tree: PathTree<string>, paths: readonly string[], between?: (i: number) => string): string[] => {
    const added = paths.map((path, i) => {
      if (between) tree.add(between(i), 'dummy'); // a file in another folder: the next path walks from the root
      try {
        tree.add(path, path);
        return 'ok';
      } catch (error) {
        return (error as Error).message;
      }
    });
    return added.concat(paths.map((path) => String(tree.find(path)?.kind)));
  };

  it('gives the same answers as walking every path from the root, whatever the paths', () => {
    const names = ['a', 'A', 'b', 'caf\u00e9', 'cafe\u0301', '', '.', 'n'.repeat(200), '\u00e9'.repeat(130)];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const paths = Array.from({ length: 1 + random(12) }, () =>
        Array.from({ length: 1 + random(4) }, () => names[random(names.length)]).join('/'),
      );
      paths.sort(); // as a walk lists them: grouped by folder, the case this tree takes a shorter way for
      const grouped = outcome(new PathTree<string>(), paths);
      const fromRoot = outcome(new PathTree<string>(), paths, (i) => `#other${i}/x`);
      assert.deepEqual(grouped, fromRoot, JSON.stringify(paths));
    }
  });

  it('checks the length of a path and its name when the folder is the last one', () => {
    assert.throws(() => treeOf(['s/a', `s/${'é'.repeat(128)}`]), /A name in .* is 256 bytes long/);
    const folder = `${'€'.repeat(14)}/`.repeat(90);
    assert.throws(() => treeOf([`${folder}a`, `${folder}${'b'.repeat(250)}`]), /bytes long; a path may be at most 4096 bytes/);
    assert.throws(() => treeOf(['s/docs/a.md', 's/docs/A.md']), /"s\/docs\/a\.md" and "s\/docs\/A\.md" differ only in case/);
  });
});
