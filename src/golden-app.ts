import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, AppProps, Chart, DependencyGraph, Names, YamlOutputType } from 'cdk8s';
import { IConstruct, Node } from 'constructs';
import { SynthSession } from './private/synth-index';
import { stringifyDocuments } from './private/yaml-emitter';
import { warmUpSerialiserShapes } from './shape-warm-up';

/**
 * A drop-in replacement for the cdk8s `App` whose synth time grows linearly with the number of
 * charts, and whose output is byte-identical to `App`'s.
 *
 * `App.synth()` validates the app and resolves its dependencies, then calls `chart.toJson()` on
 * every chart, and each of those calls resolves the dependencies and validates the whole app
 * again: with one chart per service the synth time grows with the square of the number of charts.
 * `GoldenApp` validates the app once, resolves the dependencies once, and serialises every chart
 * once; it orders charts and objects exactly as `App` does and writes the same files, with the
 * same names and content, for every `YamlOutputType` and with `recordConstructMetadata`.
 *
 * Charts that override `toJson()` are still serialised through their own `toJson()`.
 *
 * Every file's content is computed before the first file is written, so a chart that fails to
 * serialise leaves no file behind (`App` would have written the charts before it).
 *
 * @example
 * const app = new GoldenApp();
 * for (const team of teams) {
 *   new TeamChart(app, team.name, team);
 * }
 * app.synth();
 */
export class GoldenApp extends App {
  private readonly recordMetadata: boolean;

  /**
   * Defines an app.
   * @param props the same configuration options as the cdk8s `App`
   */
  constructor(props: AppProps = {}) {
    super(props);
    // `App` keeps this setting private; it is computed here exactly as `App` computes it.
    this.recordMetadata = props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
    // Before this app's charts exist: see shape-warm-up.ts (toJson() 3-4x slower from ~1,500
    // charts). It only makes synth faster; an app must never fail because of it (its own test
    // fails instead).
    try {
      warmUpSerialiserShapes();
    } catch {
      // the app synthesizes the same without it
    }
  }

  /**
   * Returns all the charts in this app, sorted topologically, in the same order as `App.charts`,
   * computed in time linear in the size of the dependency graph.
   */
  public get charts(): Chart[] {
    return topology(this).filter(isChart);
  }

  /**
   * Synthesizes all manifests to the output directory: the same files as `App.synth()`, with
   * one validation and one dependency resolution over the app. No file is written unless every
   * chart serialises.
   */
  public synth(): void {
    fs.mkdirSync(this.outdir, { recursive: true });
    const synthesis = new Synthesis(this);
    // Like `App.synth()`: validate first (nothing is written when it fails), then resolve.
    synthesis.validate();
    const hasDependantCharts = synthesis.resolveDependencies();
    const charts = this.charts;
    const ext = this.outputFileExtension;
    // Every file's content is computed before the first file is written: a chart that fails to
    // serialise leaves no partial output (App would have written the charts before it), and the
    // files are then written back to back.
    const output = new OutputFiles();

    switch (this.yamlOutputType) {
      case YamlOutputType.FILE_PER_APP: {
        const docs: any[] = [];
        for (const chart of charts) {
          docs.push(...Object.values(synthesis.chartJson(chart)));
        }
        if (charts.length > 0) {
          output.yaml(path.join(this.outdir, `app${ext}`), docs);
        }
        break;
      }
      case YamlOutputType.FILE_PER_CHART: {
        const namer = new ChartNamer(hasDependantCharts);
        for (const chart of charts) {
          output.yaml(path.join(this.outdir, namer.name(chart) + ext), Object.values(synthesis.chartJson(chart)));
        }
        break;
      }
      case YamlOutputType.FILE_PER_RESOURCE: {
        for (const chart of charts) {
          for (const doc of Object.values(synthesis.chartJson(chart))) {
            if (doc !== undefined) {
              output.yaml(path.join(this.outdir, resourceFileName(doc.kind, doc.metadata.name) + ext), [doc]);
            }
          }
        }
        break;
      }
      case YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE: {
        const namer = new ChartNamer(hasDependantCharts);
        for (const chart of charts) {
          const fullOutDir = path.join(this.outdir, namer.name(chart));
          output.folder(fullOutDir);
          // like `App`, this output type serialises the objects directly, not through chart.toJson()
          for (const apiObject of synthesis.chartObjects(chart)) {
            if (apiObject !== undefined) {
              output.yaml(path.join(fullOutDir, resourceFileName(apiObject.kind, apiObject.metadata.name) + ext), [synthesis.objectJson(apiObject)]);
            }
          }
        }
        break;
      }
      default:
        break;
    }

    if (this.recordMetadata) {
      const resources: { [name: string]: { path: string } } = {};
      for (const chart of charts) {
        for (const apiObject of synthesis.chartObjects(chart)) {
          resources[apiObject.name] = { path: apiObject.node.path };
        }
      }
      output.text(path.join(this.outdir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
    }
    output.write();
  }

  /**
   * Synthesizes the app into a YAML string: the same string as `App.synthYaml()`, with one
   * dependency resolution and one validation over the app.
   *
   * @returns A string with all YAML objects across all charts in this app.
   */
  public synthYaml(): string {
    const synthesis = new Synthesis(this);
    // Like `App.synthYaml()`: resolve first, then validate.
    synthesis.resolveDependencies();
    synthesis.validate();
    const docs: any[] = [];
    for (const chart of this.charts) {
      docs.push(...Object.values(synthesis.chartJson(chart)));
    }
    return stringifyDocuments(docs);
  }
}

/** The state of one synth: the subtrees it walked and the chart of each construct. */
class Synthesis {
  private readonly subtrees = new Map<Node, IConstruct[]>();
  private readonly chartOfConstruct = new Map<IConstruct, Chart>();
  private readonly objectsOfChart = new Map<Chart, ApiObject[]>();
  /** Whether the dependencies were resolved in this synth, so that chart.toJson() can skip it. */
  private resolved = false;
  /** The JSON of the objects the guardrails have serialised in this synth, and their deferral. */
  private readonly session: SynthSession;

  constructor(private readonly app: App) {
    this.session = new SynthSession(app);
  }

  /**
   * Runs every construct's validations once, in the order of `App`, and throws the same error
   * as `App` when any fails.
   */
  public validate(): void {
    const errors = this.session.validateAll(this.findAll(this.app.node))
      .map(({ construct, error }) => `[${construct.node.path}] ${error}`);
    if (errors.length > 0) {
      throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
    }
  }

  /**
   * Turns nested charts and construct dependencies across charts into explicit chart and
   * ApiObject dependencies, exactly as `App` does. `App` repeats this for every chart; one pass
   * reaches the same result (a second pass adds no dependency).
   *
   * @returns whether any chart depends on another chart
   */
  public resolveDependencies(): boolean {
    let hasDependantCharts = false;
    // an explicit chart dependency from nested chart relationships
    for (const parentChart of this.findAll(this.app.node).filter(isChart)) {
      for (const childChart of parentChart.node.children.filter(isChart)) {
        parentChart.node.addDependency(childChart);
        hasDependantCharts = true;
      }
    }
    // an explicit chart dependency from implicit construct dependencies
    for (const dep of this.dependencies()) {
      const sourceChart = this.chartOf(dep.source);
      const targetChart = this.chartOf(dep.target);
      if (sourceChart !== targetChart) {
        sourceChart.node.addDependency(targetChart);
        hasDependantCharts = true;
      }
    }
    // explicit ApiObject dependencies from implicit construct dependencies
    for (const dep of this.dependencies()) {
      const sourceChart = this.chartOf(dep.source);
      const targetChart = this.chartOf(dep.target);
      const targets = this.findAll(dep.target.node).filter(c => c instanceof ApiObject && this.chartOf(c) === targetChart);
      const sources = this.findAll(dep.source.node).filter(c => c instanceof ApiObject && this.chartOf(c) === sourceChart);
      for (const target of targets) {
        for (const source of sources) {
          if (target !== source) {
            source.node.addDependency(target);
          }
        }
      }
    }
    this.resolved = true;
    return hasDependantCharts;
  }

  /**
   * The ApiObjects of a chart (not of its nested charts) in dependency order, as `App` orders
   * them; computed once per chart.
   */
  public chartObjects(chart: Chart): ApiObject[] {
    let objects = this.objectsOfChart.get(chart);
    if (!objects) {
      objects = topology(chart).filter((x): x is ApiObject => x instanceof ApiObject && this.chartOf(x) === chart);
      this.objectsOfChart.set(chart, objects);
    }
    return objects;
  }

  /**
   * What `chart.toJson()` returns, without the dependency resolution and validation of the whole
   * app that cdk8s repeats in every call. A chart that overrides `toJson()` is asked directly.
   */
  public chartJson(chart: Chart): any[] {
    if (chart.toJson !== Chart.prototype.toJson || !this.resolved) {
      return chart.toJson();
    }
    return this.chartObjects(chart).map(obj => this.objectJson(obj));
  }

  /**
   * `apiObject.toJson()`, or the JSON the guardrails computed for it in this synth's validation:
   * they ran last in the validation pass, and only the dependency resolution (which changes no
   * object's JSON) ran since, so it is the same JSON.
   */
  public objectJson(apiObject: ApiObject): any {
    return this.session.json.get(apiObject) ?? apiObject.toJson();
  }

  private findAll(node: Node): IConstruct[] {
    let all = this.subtrees.get(node);
    if (!all) {
      all = node.findAll();
      this.subtrees.set(node, all);
    }
    return all;
  }

  private dependencies(): Array<{ source: IConstruct; target: IConstruct }> {
    const deps: Array<{ source: IConstruct; target: IConstruct }> = [];
    for (const child of this.findAll(this.app.node)) {
      for (const dep of child.node.dependencies) {
        deps.push({ source: child, target: dep });
      }
    }
    return deps;
  }

  /** `Chart.of(c)`, remembered for every construct on the way up, so each is looked up once. */
  private chartOf(c: IConstruct): Chart {
    let chart = this.chartOfConstruct.get(c);
    if (!chart) {
      const scope = c.node.scope;
      chart = c instanceof Chart || scope === undefined ? Chart.of(c) : this.chartOf(scope);
      this.chartOfConstruct.set(c, chart);
    }
    return chart;
  }
}

function isChart(x: IConstruct): x is Chart {
  return x instanceof Chart;
}

/**
 * The folders and files of one synth, in the order `App` creates them, written by `write()`.
 * The YAML is `Yaml.save`'s, produced faster (see stringifyDocuments).
 */
class OutputFiles {
  private readonly entries: Array<{ readonly path: string; readonly text?: string }> = [];

  /** A folder to create. */
  public folder(folderPath: string): void {
    this.entries.push({ path: folderPath });
  }

  /** A YAML file of these documents. */
  public yaml(filePath: string, docs: any[]): void {
    this.entries.push({ path: filePath, text: stringifyDocuments(docs) });
  }

  /** A file of this text. */
  public text(filePath: string, text: string): void {
    this.entries.push({ path: filePath, text });
  }

  /** Creates the folders and writes the files, in order (a later file of the same path wins, as in `App`). */
  public write(): void {
    for (const entry of this.entries) {
      if (entry.text === undefined) {
        fs.mkdirSync(entry.path, { recursive: true });
      } else {
        fs.writeFileSync(entry.path, entry.text, { encoding: 'utf8' });
      }
    }
  }
}

/** The file name `App` gives a resource in the per-resource output types. */
function resourceFileName(kind: string, name: string | undefined): string {
  return `${kind}.${name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
}

/** Names chart files and folders as `App` does: `NNNN-<name>` when any chart depends on another. */
class ChartNamer {
  private index = 0;

  constructor(private readonly indexed: boolean) {}

  public name(chart: Chart): string {
    const name = Names.toDnsLabel(chart);
    if (!this.indexed) {
      return name;
    }
    const indexed = `${this.index.toString().padStart(4, '0')}-${name}`;
    this.index++;
    return indexed;
  }
}

/** A vertex of the dependency graph of a subtree. */
interface Vertex {
  readonly value: IConstruct;
  readonly outbound: Set<Vertex>;
  inbound: number;
  /** 0: not visited, 1: on the DFS stack, 2: done. */
  state: number;
}

/**
 * The constructs of a subtree in the order `new DependencyGraph(scope.node).topology()` returns
 * them, in time linear in the size of the graph.
 *
 * cdk8s's `DependencyGraph` looks for a cycle before adding each edge, walking every path without
 * remembering the vertices it has seen, and its topological sort walks shared dependencies again
 * for every dependant. This builds the same graph (vertices keyed by construct path, in the order
 * of a plain object's keys; edges in the order of `node.dependencies`; edges that leave the subtree
 * dropped), then does one depth-first post-order walk from the same roots in the same order, which
 * yields the same order because in an acyclic graph a finished vertex has no unvisited
 * descendant. When the graph has a cycle, cdk8s's own `DependencyGraph` is asked, so that it
 * throws its usual error.
 */
function topology(scope: IConstruct): IConstruct[] {
  const all = scope.node.findAll();
  if (all.every(c => c.node.dependencies.length === 0) && keysInInsertionOrder(scope)) {
    // No edge: every vertex is a root, and the walk visits them in key order, which is preorder.
    return all;
  }
  const vertices: { [path: string]: Vertex } = {};
  for (const c of all) {
    vertices[c.node.path] = { value: c, outbound: new Set(), inbound: 0, state: 0 };
  }
  for (const c of all) {
    const source = vertices[c.node.path];
    for (const dep of c.node.dependencies) {
      const target = vertices[dep.node.path];
      if (target === undefined) {
        continue; // dependencies outside the subtree are not part of its graph
      }
      if (!source.outbound.has(target)) {
        source.outbound.add(target);
        target.inbound++;
      }
    }
  }

  const order: IConstruct[] = [];
  const roots = Object.values(vertices).filter(v => v.inbound === 0);
  const stack: Array<{ vertex: Vertex; next: Iterator<Vertex> }> = [];
  for (const root of roots) {
    root.state = 1;
    stack.push({ vertex: root, next: root.outbound.values() });
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const step = top.next.next();
      if (step.done) {
        stack.pop();
        top.vertex.state = 2;
        order.push(top.vertex.value);
        continue;
      }
      const child = step.value;
      if (child.state === 1) {
        return new DependencyGraph(scope.node).topology(); // a cycle: let cdk8s report it
      }
      if (child.state === 0) {
        child.state = 1;
        stack.push({ vertex: child, next: child.outbound.values() });
      }
    }
  }
  if (order.length !== Object.keys(vertices).length) {
    return new DependencyGraph(scope.node).topology(); // vertices only reachable through a cycle
  }
  return order;
}

/**
 * Whether a plain object keyed by the paths of a subtree lists its keys in insertion order
 * (preorder). Keys that are array indexes ("0", "12") come first in a plain object, and only the
 * paths without a `/` can be one: the subtree's root, which is first anyway, and, when the subtree
 * is the whole app, the app's children.
 */
function keysInInsertionOrder(scope: IConstruct): boolean {
  return scope.node.scope !== undefined || scope.node.children.every(c => !isArrayIndex(c.node.id));
}

/** Whether a string is an array index, which a plain object orders before its other keys. */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 4294967295;
}
