import * as assert from 'node:assert/strict';
import { looksLikeReport } from '../../server/src/service';

suite('markdown documents that look like a report', () => {
  const headings = '一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n';

  test('a title naming 政府信息公开 and 年度报告, or three section headings', () => {
    assert.equal(looksLikeReport('# XX局2023年政府信息公开工作年度报告\n\n正文'), true);
    assert.equal(looksLikeReport('XX局2023年政府信息公开工作年度报告\n'), true);
    assert.equal(looksLikeReport(`# 草稿\n\n${headings}`), true);
  });

  test('ordinary Markdown is not a report', () => {
    assert.equal(looksLikeReport('# Hello\n\nworld'), false);
    assert.equal(looksLikeReport('# 草稿\n\n一、总体情况\n\n二、主动公开政府信息情况\n'), false, 'two headings are not enough');
    assert.equal(looksLikeReport('# 说明\n\n正文提到政府信息公开工作年度报告的写法。'), false, 'only the first line or a heading counts');
  });

  test('fenced code and HTML comments are not content', () => {
    assert.equal(looksLikeReport(`# 文档\n\n\`\`\`\n${headings}\`\`\`\n`), false);
    assert.equal(looksLikeReport(`# 文档\n\n<!--\n${headings}-->\n`), false);
    assert.equal(looksLikeReport('<!-- 备注 -->\n# XX局2023年政府信息公开工作年度报告\n'), true, 'a comment before the title is skipped');
  });
});
