import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  COVERAGE_MEASURES,
  COVERAGE_MEASURE_LABELS,
  EntityListFilter,
} from '@reliability-suite/plugin-reliability-common';
import type { CoverageViewState } from './useCoverageView';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
  select: { minWidth: 140 },
  text: { minWidth: 200 },
}));

const TIER_OPTIONS: Array<[string, string]> = [
  ['0', 'Tier 0'],
  ['1', 'Tier 1'],
  ['2', 'Tier 2'],
  ['3', 'Tier 3'],
  ['none', 'Untiered'],
];
const VERDICT_OPTIONS: Array<[string, string]> = [
  ['ready', 'Ready'],
  ['ready-with-waivers', 'Ready with waivers'],
  ['not-ready', 'Not ready'],
];
const MATURITY_OPTIONS: Array<[string, string]> = [0, 1, 2, 3, 4].map(level => [
  String(level),
  `Level ${level}`,
]);
const MEASURE_OPTIONS: Array<[string, string]> = COVERAGE_MEASURES.map(
  measure => [measure, COVERAGE_MEASURE_LABELS[measure]],
);

function MultiSelect(props: {
  id: string;
  label: string;
  options: Array<[string, string]>;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const classes = useStyles();
  const labelId = `${props.id}-label`;
  return (
    <FormControl className={classes.select}>
      <InputLabel id={labelId}>{props.label}</InputLabel>
      <Select
        labelId={labelId}
        id={props.id}
        multiple
        value={props.value}
        onChange={event => props.onChange(event.target.value as string[])}
        renderValue={selected =>
          (selected as string[])
            .map(v => props.options.find(([key]) => key === v)?.[1] ?? v)
            .join(', ')
        }
      >
        {props.options.map(([key, label]) => (
          <MenuItem key={key} value={key}>
            {label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

function SingleSelect(props: {
  id: string;
  label: string;
  options: Array<[string, string]>;
  value?: string;
  onChange: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const labelId = `${props.id}-label`;
  return (
    <FormControl className={classes.select}>
      <InputLabel id={labelId}>{props.label}</InputLabel>
      <Select
        labelId={labelId}
        id={props.id}
        value={props.value ?? ''}
        onChange={event =>
          props.onChange((event.target.value as string) || undefined)
        }
      >
        <MenuItem value="">
          <em>Any</em>
        </MenuItem>
        {props.options.map(([key, label]) => (
          <MenuItem key={key} value={key}>
            {label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** A text filter applied on Enter or when the field loses focus. */
function TextFilter(props: {
  label: string;
  placeholder?: string;
  value?: string;
  onApply: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  const apply = () => {
    const trimmed = text.trim();
    if (trimmed !== (props.value ?? '')) props.onApply(trimmed || undefined);
  };
  return (
    <TextField
      className={classes.text}
      label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={event => setText(event.target.value)}
      onBlur={apply}
      onKeyDown={event => {
        if (event.key === 'Enter') apply();
      }}
    />
  );
}

/** The page's filters; every change goes to the URL. */
export function CoverageFilters(props: { view: CoverageViewState }) {
  const classes = useStyles();
  const { filter, update, reset } = props.view;
  const set = (changes: Partial<EntityListFilter>) => update(changes);

  return (
    <Box className={classes.root} role="search" aria-label="Coverage filters">
      <MultiSelect
        id="reliability-filter-tier"
        label="Tier"
        options={TIER_OPTIONS}
        value={(filter.tier ?? []).map(String)}
        onChange={value =>
          set({
            tier: value.map(v => (v === 'none' ? 'none' : Number(v))),
          })
        }
      />
      <TextFilter
        label="Owner (with sub-teams)"
        placeholder="group:default/team-a"
        value={filter.owner}
        onApply={owner => set({ owner })}
      />
      <TextFilter
        label="System"
        placeholder="system:default/payments"
        value={filter.system}
        onApply={system => set({ system })}
      />
      <TextFilter
        label="Lifecycle"
        placeholder="policy default (production); * for all"
        value={filter.lifecycle?.join(',')}
        onApply={value =>
          set({ lifecycle: value ? value.split(',') : undefined })
        }
      />
      <MultiSelect
        id="reliability-filter-verdict"
        label="Verdict"
        options={VERDICT_OPTIONS}
        value={filter.verdict ?? []}
        onChange={value =>
          set({ verdict: value as EntityListFilter['verdict'] })
        }
      />
      <MultiSelect
        id="reliability-filter-maturity"
        label="Maturity"
        options={MATURITY_OPTIONS}
        value={(filter.maturity ?? []).map(String)}
        onChange={value => set({ maturity: value.map(Number) })}
      />
      <TextFilter
        label="Failing check"
        placeholder="slo-defined"
        value={filter.failingCheck}
        onApply={failingCheck => set({ failingCheck })}
      />
      <SingleSelect
        id="reliability-filter-stage"
        label="Has"
        options={MEASURE_OPTIONS}
        value={filter.stage}
        onChange={stage => set({ stage: stage as EntityListFilter['stage'] })}
      />
      <SingleSelect
        id="reliability-filter-missing"
        label="Missing"
        options={MEASURE_OPTIONS}
        value={filter.missing}
        onChange={missing =>
          set({ missing: missing as EntityListFilter['missing'] })
        }
      />
      <TextFilter
        label="Search"
        placeholder="name or title"
        value={filter.search}
        onApply={search => set({ search })}
      />
      <Button onClick={reset} disabled={Object.keys(filter).length === 0}>
        Clear filters
      </Button>
    </Box>
  );
}
