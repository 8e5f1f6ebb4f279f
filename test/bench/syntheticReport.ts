/** A long report for the benchmarks. */
/** A report in the usual shape (一、（一）1. and paragraphs of real-looking length) of about `pages` pages. */
export function syntheticReport(pages: number): string {
  const phrase = '坚持以习近平新时代中国特色社会主义思想为指导，全面落实意识形态工作责任制，牢牢掌握意识形态工作领导权、管理权、话语权，';
  const lines = ['中共某某县委宣传部', '关于2023年度意识形态工作情况的报告', '', '县委：', '现将有关情况报告如下：'];
  let rows = 8;
  const cn = '一二三四五六七八九十';
  for (let h1 = 0; rows < pages * 22; h1++) {
    lines.push(`${h1 < 10 ? cn[h1] : '十' + cn[(h1 % 10) - 1 + (h1 % 10 === 0 ? 1 : 0)]}、第${h1 + 1}部分工作情况`);
    rows++;
    for (let h2 = 0; h2 < 4 && rows < pages * 22; h2++) {
      const para = phrase.repeat(3 + ((h1 + h2) % 4)) + `全年开展活动${12 + h2}次。`;
      lines.push(`（${cn[h2]}）强化第${h2 + 1}项工作。${para}`);
      rows += Math.ceil((para.length + 12) / 28);
      for (let h3 = 1; h3 <= 2; h3++) {
        const body = phrase.repeat(2 + h3) + '取得明显成效。';
        lines.push(`${h3}.具体措施${h3}`, body);
        rows += 1 + Math.ceil((body.length + 2) / 28);
      }
    }
  }
  lines.push('', '中共某某县委宣传部', '2024年1月15日');
  return lines.join('\n') + '\n';
}
