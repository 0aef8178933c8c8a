/** The other providers' rejections, counted aside. */
import type { ProviderCount } from '../../../core/summary';
import type { LargeLogMessages, ViewLang } from './messages';
import { formatCount } from './messages';

interface Props {
  lang: ViewLang;
  t: LargeLogMessages;
  others: ProviderCount[];
}

export function OthersTable({ lang, t, others }: Props) {
  return (
    <section className="large-log-others">
      <h3>{t.othersHeading}</h3>
      {others.length === 0 ? (
        <p>{t.noOthers}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.provider}</th>
              <th scope="col">{t.columns.count}</th>
              <th scope="col">{t.deferredCol}</th>
              <th scope="col">{t.bouncedCol}</th>
              <th scope="col">{t.columns.reply}</th>
            </tr>
          </thead>
          <tbody>
            {others.slice(0, 50).map((p) => (
              <tr key={p.provider}>
                <th scope="row">{p.provider}</th>
                <td>{formatCount(lang, p.count)}</td>
                <td>{formatCount(lang, p.deferred)}</td>
                <td>{formatCount(lang, p.bounced)}</td>
                <td className="reply">
                  <code>{p.exampleReply}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
