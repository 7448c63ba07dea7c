import type { DashboardDef } from './types';

const RATE = '[$__rate_interval]';
/** Every CPU of the instances chosen: the denominator of CPU shares. */
const CPUS = 'count(count by (instance, cpu) (node_cpu_seconds_total{ {{filter}} }))';
/** Real filesystems: not the kernel's and container runtimes' pseudo ones. */
const REAL_FS = 'fstype!~"tmpfs|ramfs|overlay|squashfs|nsfs|proc|sysfs|cgroup2?|devtmpfs|autofs|fuse.*"';

const V = ['instance'];

/**
 * The machines Shannon runs on, from node-exporter (Shannon's scrape config has the job): CPU by
 * mode, load, memory, disk I/O and space, network throughput and errors. Grid-placed (24 columns).
 */
export const hostsDashboard: DashboardDef = {
  id: 'hosts',
  version: 1,
  title: 'Hosts',
  description: 'The machines under Shannon, from node-exporter: CPU, load, memory, disks and network.',
  variables: [{ name: 'instance', label: 'Host', source: 'node_uname_info' }],
  panels: [
    {
      id: 'cpus',
      title: 'CPUs',
      description: 'Logical CPUs node-exporter sees (node_cpu_seconds_total by cpu).',
      kind: 'stat',
      unit: 'short',
      variables: V,
      sparkline: false,
      queries: [{ expr: CPUS, legend: 'CPUs' }],
      grid: { x: 0, y: 0, w: 4, h: 7 },
    },
    {
      id: 'cpu-busy',
      title: 'CPU busy',
      description: 'Share of all CPU time not idle, over the range.',
      kind: 'gauge',
      unit: 'percentunit',
      reduce: 'mean',
      min: 0,
      max: 1,
      thresholds: {
        base: '#16a34a',
        steps: [
          { value: 0.7, color: '#d97706' },
          { value: 0.9, color: '#dc2626' },
        ],
      },
      variables: V,
      queries: [
        {
          expr: `1 - sum(rate(node_cpu_seconds_total{mode="idle", {{filter}} }${RATE})) / ${CPUS}`,
          legend: 'busy',
        },
      ],
      grid: { x: 4, y: 0, w: 5, h: 7 },
    },
    {
      id: 'memory-used',
      title: 'Memory used',
      description: '1 − MemAvailable ÷ MemTotal at the end of the range.',
      kind: 'gauge',
      unit: 'percentunit',
      min: 0,
      max: 1,
      thresholds: {
        base: '#16a34a',
        steps: [
          { value: 0.8, color: '#d97706' },
          { value: 0.95, color: '#dc2626' },
        ],
      },
      variables: V,
      queries: [
        {
          expr: 'sum(node_memory_MemTotal_bytes{ {{filter}} } - node_memory_MemAvailable_bytes{ {{filter}} }) / sum(node_memory_MemTotal_bytes{ {{filter}} })',
          legend: 'used',
        },
      ],
      grid: { x: 9, y: 0, w: 5, h: 7 },
    },
    {
      id: 'uptime',
      title: 'Up for',
      description: 'Time since the machine booted (node_boot_time_seconds).',
      kind: 'stat',
      unit: 's',
      sparkline: false,
      variables: V,
      queries: [{ expr: 'time() - node_boot_time_seconds{ {{filter}} }', legend: '{{instance}}' }],
      grid: { x: 14, y: 0, w: 5, h: 7 },
    },
    {
      id: 'load',
      title: 'Load average',
      description: 'Runnable and waiting tasks, averaged over 1 and 15 minutes; compare with the CPU count.',
      kind: 'stat',
      unit: 'short',
      variables: V,
      sparkline: false,
      queries: [
        { expr: 'sum(node_load1{ {{filter}} })', legend: '1 min' },
        { expr: 'sum(node_load15{ {{filter}} })', legend: '15 min' },
      ],
      grid: { x: 19, y: 0, w: 5, h: 7 },
    },
    {
      id: 'cpu-mode',
      title: 'CPU by mode',
      description: 'Share of all CPU time in each mode but idle (user, system, iowait, …), stacked.',
      kind: 'timeseries',
      unit: 'percentunit',
      stack: true,
      min: 0,
      variables: V,
      queries: [
        {
          expr: `sum by (mode) (rate(node_cpu_seconds_total{mode!="idle", {{filter}} }${RATE})) / scalar(${CPUS})`,
          legend: '{{mode}}',
        },
      ],
      grid: { x: 0, y: 7, w: 12, h: 9 },
    },
    {
      id: 'load-series',
      title: 'Load over time',
      description: 'node_load1, node_load5 and node_load15; the dashed line is the CPU count.',
      kind: 'timeseries',
      unit: 'short',
      variables: V,
      queries: [
        { expr: 'sum(node_load1{ {{filter}} })', legend: '1 min' },
        { expr: 'sum(node_load5{ {{filter}} })', legend: '5 min' },
        { expr: 'sum(node_load15{ {{filter}} })', legend: '15 min' },
        { expr: CPUS, legend: 'CPUs', dash: '6 3' },
      ],
      grid: { x: 12, y: 7, w: 12, h: 9 },
    },
    {
      id: 'memory',
      title: 'Memory',
      description: 'Used (total − available), cached and buffers, against the total (dashed).',
      kind: 'timeseries',
      unit: 'bytes',
      min: 0,
      variables: V,
      queries: [
        {
          expr: 'sum(node_memory_MemTotal_bytes{ {{filter}} } - node_memory_MemAvailable_bytes{ {{filter}} })',
          legend: 'used',
        },
        { expr: 'sum(node_memory_Cached_bytes{ {{filter}} })', legend: 'cached' },
        { expr: 'sum(node_memory_Buffers_bytes{ {{filter}} })', legend: 'buffers' },
        { expr: 'sum(node_memory_MemTotal_bytes{ {{filter}} })', legend: 'total', dash: '6 3' },
      ],
      grid: { x: 0, y: 16, w: 12, h: 9 },
    },
    {
      id: 'disk-space',
      title: 'Disk space used',
      description: 'Per mount point of a real filesystem: 1 − available ÷ size.',
      kind: 'bargauge',
      unit: 'percentunit',
      min: 0,
      max: 1,
      thresholds: {
        base: '#16a34a',
        steps: [
          { value: 0.8, color: '#d97706' },
          { value: 0.9, color: '#dc2626' },
        ],
      },
      variables: V,
      queries: [
        {
          expr: `1 - max by (mountpoint) (node_filesystem_avail_bytes{${REAL_FS}, {{filter}} }) / max by (mountpoint) (node_filesystem_size_bytes{${REAL_FS}, {{filter}} })`,
          legend: '{{mountpoint}}',
        },
      ],
      grid: { x: 12, y: 16, w: 12, h: 9 },
    },
    {
      id: 'disk-io',
      title: 'Disk I/O',
      description: 'Bytes read and written per second, per device.',
      kind: 'timeseries',
      unit: 'bytesps',
      min: 0,
      variables: V,
      queries: [
        {
          expr: `sum by (device) (rate(node_disk_read_bytes_total{ {{filter}} }${RATE}))`,
          legend: '{{device}} read',
        },
        {
          expr: `sum by (device) (rate(node_disk_written_bytes_total{ {{filter}} }${RATE}))`,
          legend: '{{device}} written',
          dash: '6 3',
        },
      ],
      grid: { x: 0, y: 25, w: 12, h: 9 },
    },
    {
      id: 'net-throughput',
      title: 'Network throughput',
      description: 'Bytes received and sent per second, per interface (not loopback).',
      kind: 'timeseries',
      unit: 'bytesps',
      min: 0,
      variables: V,
      queries: [
        {
          expr: `sum by (device) (rate(node_network_receive_bytes_total{device!="lo", {{filter}} }${RATE}))`,
          legend: '{{device}} received',
        },
        {
          expr: `sum by (device) (rate(node_network_transmit_bytes_total{device!="lo", {{filter}} }${RATE}))`,
          legend: '{{device}} sent',
          dash: '6 3',
        },
      ],
      grid: { x: 12, y: 25, w: 12, h: 9 },
    },
    {
      id: 'net-errors',
      title: 'Network errors and drops',
      description: 'Receive and transmit errors and dropped packets per second, all interfaces.',
      kind: 'timeseries',
      unit: 'ops',
      min: 0,
      variables: V,
      queries: [
        { expr: `sum(rate(node_network_receive_errs_total{ {{filter}} }${RATE}))`, legend: 'receive errors' },
        { expr: `sum(rate(node_network_transmit_errs_total{ {{filter}} }${RATE}))`, legend: 'transmit errors' },
        { expr: `sum(rate(node_network_receive_drop_total{ {{filter}} }${RATE}))`, legend: 'receive drops' },
        { expr: `sum(rate(node_network_transmit_drop_total{ {{filter}} }${RATE}))`, legend: 'transmit drops' },
      ],
      grid: { x: 0, y: 34, w: 24, h: 8 },
    },
  ],
};
