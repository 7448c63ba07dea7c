'use client';

import type { SeriesOverride, ValueMapping } from '@/lib/dashboards/types';
import { editorField } from './editor-dialog';
import { Colour, NumberField, Rows } from './option-fields';

const field = editorField;

/** A time series' series overrides: which series (by name or regex), and its colour, axis, name, visibility. */
export function Overrides({ value, onChange }: { value: SeriesOverride[]; onChange: (o: SeriesOverride[]) => void }) {
  return (
    <Rows title="Overrides" items={value} blank={{ match: { name: '' } } as SeriesOverride} onChange={onChange}>
      {(o, put) => {
        const byRegex = 'regex' in o.match;
        const pattern = 'regex' in o.match ? o.match.regex : o.match.name;
        return (
          <>
            <label className="flex flex-col gap-1 text-xs">
              Series
              <select
                className={field}
                value={byRegex ? 'regex' : 'name'}
                onChange={(e) => put({ match: e.target.value === 'regex' ? { regex: pattern } : { name: pattern } })}
              >
                <option value="name">named</option>
                <option value="regex">matching regex</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs">
              {byRegex ? 'Regex' : 'Name'}
              <input
                className={`${field} w-40 font-mono`}
                value={pattern}
                onChange={(e) => put({ match: byRegex ? { regex: e.target.value } : { name: e.target.value } })}
              />
            </label>
            <Colour label="Colour" value={o.color} onChange={(color) => put({ color })} />
            <label className="flex flex-col gap-1 text-xs">
              Axis
              <select
                className={field}
                value={o.axis ?? ''}
                onChange={(e) => put({ axis: (e.target.value || undefined) as SeriesOverride['axis'] })}
              >
                <option value="">as the query says</option>
                <option value="left">left</option>
                <option value="right">right</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs">
              Shown as
              <input
                className={`${field} w-32`}
                value={o.displayName ?? ''}
                onChange={(e) => put({ displayName: e.target.value || undefined })}
              />
            </label>
            <label className="flex items-center gap-1 text-xs">
              <input
                type="checkbox"
                checked={!!o.hidden}
                onChange={(e) => put({ hidden: e.target.checked || undefined })}
              />
              Hidden
            </label>
          </>
        );
      }}
    </Rows>
  );
}

const MAPPING_BLANK: Record<ValueMapping['kind'], ValueMapping> = {
  value: { kind: 'value', value: '' },
  range: { kind: 'range' },
  special: { kind: 'special', match: 'null' },
  regex: { kind: 'regex', pattern: '' },
};

/** Value mappings: a value, a range, no number or a regex, shown as a word and a colour. */
export function Mappings({ value, onChange }: { value: ValueMapping[]; onChange: (m: ValueMapping[]) => void }) {
  return (
    <Rows title="Value mappings" items={value} blank={MAPPING_BLANK.value} onChange={onChange}>
      {(m, put, i) => (
        <>
          <label className="flex flex-col gap-1 text-xs">
            When
            <select
              className={field}
              value={m.kind}
              onChange={(e) => {
                const kind = e.target.value as ValueMapping['kind'];
                onChange(value.map((x, j) => (j === i ? { ...MAPPING_BLANK[kind], text: m.text, color: m.color } : x)));
              }}
            >
              <option value="value">the value is</option>
              <option value="range">the value is between</option>
              <option value="special">there is no number</option>
              <option value="regex">the value matches</option>
            </select>
          </label>
          {m.kind === 'value' && (
            <label className="flex flex-col gap-1 text-xs">
              Value
              <input
                className={`${field} w-24`}
                value={m.value}
                onChange={(e) => put({ value: e.target.value } as Partial<ValueMapping>)}
              />
            </label>
          )}
          {m.kind === 'range' && (
            <>
              <NumberField label="From" value={m.from} onChange={(from) => put({ from } as Partial<ValueMapping>)} />
              <NumberField label="To" value={m.to} onChange={(to) => put({ to } as Partial<ValueMapping>)} />
            </>
          )}
          {m.kind === 'special' && (
            <label className="flex flex-col gap-1 text-xs">
              Which
              <select
                className={field}
                value={m.match}
                onChange={(e) => put({ match: e.target.value } as Partial<ValueMapping>)}
              >
                <option value="null">no data</option>
                <option value="nan">NaN</option>
                <option value="null+nan">no data or NaN</option>
              </select>
            </label>
          )}
          {m.kind === 'regex' && (
            <label className="flex flex-col gap-1 text-xs">
              Regex
              <input
                className={`${field} w-32 font-mono`}
                value={m.pattern}
                onChange={(e) => put({ pattern: e.target.value } as Partial<ValueMapping>)}
              />
            </label>
          )}
          <label className="flex flex-col gap-1 text-xs">
            Show
            <input
              className={`${field} w-28`}
              value={m.text ?? ''}
              onChange={(e) => put({ text: e.target.value || undefined })}
            />
          </label>
          <Colour label="Colour" value={m.color} onChange={(color) => put({ color })} />
        </>
      )}
    </Rows>
  );
}
