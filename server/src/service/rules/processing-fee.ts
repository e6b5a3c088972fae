// Flags a 2021-template report whose 六、其他需要报告的事项 does not mention 信息处理费: the 2021
// format requires reporting fees charged under 国办函〔2020〕109号, even when none were.
import { say, type Finding, type RuleContext, type RuleDefinition } from './common';

export const NO_FEE_TEXT = '本年度未收取信息处理费。';

export const processingFee: RuleDefinition<'processing-fee'> = {
  id: 'processing-fee',
  defaultSeverity: 'warning',
  check(context: RuleContext): Finding[] {
    const { model } = context;
    if (model.template !== '2021') return [];
    const six = model.sections.find((s) => s.number === 6);
    if (!six) return [];
    for (let line = six.range.start.line; line <= six.range.end.line; line++) {
      if (/处理费/.test(model.lines[line] ?? '')) return [];
    }
    return [{
      range: six.heading.textRange,
      message: say(context, 'The 2021 template requires section 六 to report information processing fees charged (or that none were).'),
      data: { insertAfterLine: six.range.end.line, text: NO_FEE_TEXT },
    }];
  },
};
