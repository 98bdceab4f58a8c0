// What the guidance asks of the Image Builder stack, checked against the independent cases'
// hand-written answers: role recipes on the baseline's output (never a public OS image), the
// baseline on a public SSM parameter, IMDSv2 required wherever a build instance starts, the
// lifecycle deprecating at the answers' days, distribution to every region with its key and
// sharing, and the folders of the chosen engine with identical bootstrap, config and script files.
import type { Template } from './cfn-reader.ts';
import { intrinsicName } from './cfn-reader.ts';
import type { IndependentCase } from './cases.ts';
import { checkToeDocument } from './toe-document.ts';
import type { ToeStep } from './toe-document.ts';

type Resource = Template['Resources'][string];
const ofType = (t: Template, type: string) =>
  Object.entries(t.Resources).filter(([, r]) => r.Type === type) as [string, Resource][];

/** A !Ref to a resource of the given type, or undefined. */
function refTo(t: Template, value: unknown, type: string): string | undefined {
  if (intrinsicName(value) !== 'Ref') return undefined;
  const id = (value as { Ref: string }).Ref;
  return t.Resources[id]?.Type === type ? id : undefined;
}

/** A string or a !Sub string (pseudo parameters left as ${...}); undefined for anything else. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (intrinsicName(value) === 'Fn::Sub') {
    const arg = (value as { 'Fn::Sub': unknown })['Fn::Sub'];
    return typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
  }
  return undefined;
}

const IMAGE_ARN =
  /^arn:\$\{AWS::Partition\}:imagebuilder:\$\{AWS::Region\}:\$\{AWS::AccountId\}:image\/([a-z0-9-_]+)\/x\.x\.x$/;

export function checkRecipes(t: Template, c: IndependentCase): string[] {
  const problems: string[] = [];
  const recipes = ofType(t, 'AWS::ImageBuilder::ImageRecipe');
  const names = recipes.map(([, r]) => r.Properties?.Name as string);
  if (JSON.stringify([...names].sort()) !== JSON.stringify([...c.expect.recipes].sort()))
    problems.push(`recipes ${names.join(', ')}; expected ${c.expect.recipes.join(', ')}`);
  const baseName = c.expect.recipes[0]!;
  // Image Builder names an image after its recipe, lower-cased.
  const baseImage = baseName.toLowerCase();
  for (const [id, recipe] of recipes) {
    const parent = recipe.Properties?.ParentImage;
    const name = recipe.Properties?.Name;
    if (name === baseName) {
      const want = c.expect.baseParent;
      if (want === 'image-id-parameter') {
        const p = intrinsicName(parent) === 'Ref' ? t.Parameters?.[(parent as { Ref: string }).Ref] : undefined;
        if (p?.Type !== 'AWS::EC2::Image::Id')
          problems.push(
            `${id}: the baseline's parent should be a parameter of type AWS::EC2::Image::Id, got ${JSON.stringify(parent)}`,
          );
      } else if (parent !== `ssm:${want.ssm}`) {
        problems.push(
          `${id}: the baseline's parent should be the public SSM parameter ssm:${want.ssm}, got ${JSON.stringify(parent)}`,
        );
      }
      continue;
    }
    // A role image: the baseline's newest image, or the SSM parameter the baseline publishes.
    const s = text(parent);
    const onBaseImage = s !== undefined && IMAGE_ARN.exec(s)?.[1] === baseImage;
    const onBaseSsm =
      s !== undefined && c.expect.ssmPath !== undefined && s.startsWith(`ssm:${c.expect.ssmPath}/base/`);
    if (!onBaseImage && !onBaseSsm)
      problems.push(
        `${id}: role recipe ${name} is not built on the baseline's output (ParentImage ${JSON.stringify(parent)})`,
      );
    if (s?.startsWith('ssm:/aws/service/') || s?.startsWith('ami-') || intrinsicName(parent) === 'Ref')
      problems.push(`${id}: role recipe ${name} starts from a public OS image`);
  }
  // Every recipe is built by a pipeline.
  const built = new Set(
    ofType(t, 'AWS::ImageBuilder::ImagePipeline').map(([, p]) =>
      refTo(t, p.Properties?.ImageRecipeArn, 'AWS::ImageBuilder::ImageRecipe'),
    ),
  );
  for (const [id] of recipes) if (!built.has(id)) problems.push(`${id}: no pipeline builds this recipe`);
  return problems;
}

export function checkImds(t: Template): string[] {
  const problems: string[] = [];
  const infra = ofType(t, 'AWS::ImageBuilder::InfrastructureConfiguration');
  if (infra.length === 0) problems.push('no InfrastructureConfiguration');
  for (const [id, r] of infra) {
    if (r.Properties?.InstanceMetadataOptions?.HttpTokens !== 'required')
      problems.push(`${id}: InstanceMetadataOptions.HttpTokens is not required (IMDSv1 stays on)`);
  }
  for (const [id, p] of ofType(t, 'AWS::ImageBuilder::ImagePipeline')) {
    if (!refTo(t, p.Properties?.InfrastructureConfigurationArn, 'AWS::ImageBuilder::InfrastructureConfiguration'))
      problems.push(`${id}: its infrastructure is not one of this template's`);
  }
  return problems;
}

const DAYS_PER_UNIT: Record<string, number> = { DAYS: 1, WEEKS: 7 };

export function checkLifecycle(t: Template, days: number): string[] {
  const problems: string[] = [];
  const policies = ofType(t, 'AWS::ImageBuilder::LifecyclePolicy').filter(
    ([, r]) => r.Properties?.ResourceType === 'AMI_IMAGE' && r.Properties?.Status !== 'DISABLED',
  );
  const deprecations = policies.flatMap(([id, r]) =>
    ((r.Properties?.PolicyDetails ?? []) as any[])
      .filter((d) => d?.Action?.Type === 'DEPRECATE')
      .map((d) => ({ id, policy: r, filter: d.Filter })),
  );
  if (deprecations.length === 0) return ['no enabled AMI lifecycle policy deprecates images'];
  for (const { id, filter } of deprecations) {
    const perUnit = DAYS_PER_UNIT[filter?.Unit];
    if (filter?.Type !== 'AGE' || perUnit === undefined || filter.Value * perUnit !== days)
      problems.push(`${id}: deprecates at ${JSON.stringify(filter)}, not after ${days} days`);
  }
  // Every image a pipeline (or the stack's first build) makes is selected by exactly one deprecating
  // policy, through the tags it gives its images: a recipe version would lose the images of earlier
  // versions. Image Builder selects an image carrying any one of a policy's tags.
  const selects = (policy: Resource, tags: Record<string, unknown> | undefined) =>
    Object.entries((policy.Properties?.ResourceSelection?.TagMap ?? {}) as Record<string, unknown>).some(
      ([k, v]) => tags?.[k] === v,
    );
  const builders = [
    ...ofType(t, 'AWS::ImageBuilder::ImagePipeline').map(([id, r]) => [id, r.Properties?.ImageTags] as const),
    ...ofType(t, 'AWS::ImageBuilder::Image').map(([id, r]) => [id, r.Properties?.Tags] as const),
  ];
  for (const [id, tags] of builders) {
    const by = deprecations.filter(({ policy }) => selects(policy, tags as Record<string, unknown> | undefined));
    if (by.length !== 1)
      problems.push(`${id}: its images are selected by ${by.length} deprecating policies, expected 1`);
  }
  for (const { id, policy } of deprecations) {
    if (policy.Properties?.ResourceSelection?.Recipes)
      problems.push(`${id}: selects recipe versions, whose earlier versions' images it then never sees`);
  }
  return problems;
}

export function checkDistributions(t: Template, c: IndependentCase): string[] {
  const problems: string[] = [];
  for (const [pid, pipeline] of ofType(t, 'AWS::ImageBuilder::ImagePipeline')) {
    const did = refTo(
      t,
      pipeline.Properties?.DistributionConfigurationArn,
      'AWS::ImageBuilder::DistributionConfiguration',
    );
    if (!did) {
      problems.push(`${pid}: no distribution of this template`);
      continue;
    }
    const recipeId = refTo(t, pipeline.Properties?.ImageRecipeArn, 'AWS::ImageBuilder::ImageRecipe');
    const recipeName = recipeId ? (t.Resources[recipeId]!.Properties?.Name as string) : '?';
    const image = recipeName.slice(c.expect.recipes[0]!.length - 'base'.length);
    const list = (t.Resources[did]!.Properties?.Distributions ?? []) as any[];
    const regions = list.map((d) => d.Region);
    const wanted = c.expect.regions.map(([r]) => r);
    if (JSON.stringify(regions) !== JSON.stringify(wanted))
      problems.push(`${did}: regions ${regions.join(', ')}; expected ${wanted.join(', ')}`);
    for (const [region, key] of c.expect.regions) {
      const d = list.find((x) => x.Region === region);
      const ami = d?.AmiDistributionConfiguration ?? {};
      if (ami.KmsKeyId !== key)
        problems.push(`${did} ${region}: KmsKeyId ${JSON.stringify(ami.KmsKeyId)}, expected ${JSON.stringify(key)}`);
      // Untested images reach no other account: sharing waits for promotion (checkPromotionSharing).
      if (ami.LaunchPermissionConfiguration !== undefined)
        problems.push(
          `${did} ${region}: shared at build with ${JSON.stringify(ami.LaunchPermissionConfiguration)}, expected no launch permission`,
        );
      const ssm = (d?.SsmParameterConfigurations ?? []).map((s: any) => s.ParameterName);
      const wantSsm =
        c.expect.ssmPath && region === c.expect.regions[0]![0] ? [`${c.expect.ssmPath}/${image}/dev`] : [];
      if (JSON.stringify(ssm) !== JSON.stringify(wantSsm))
        problems.push(`${did} ${region}: SSM parameters ${JSON.stringify(ssm)}, expected ${JSON.stringify(wantSsm)}`);
    }
  }
  // The build region's key encrypts the volumes the recipes build on.
  for (const [id, recipe] of ofType(t, 'AWS::ImageBuilder::ImageRecipe')) {
    for (const m of (recipe.Properties?.BlockDeviceMappings ?? []) as any[]) {
      if (m.Ebs?.Encrypted !== c.expect.encrypted)
        problems.push(`${id}: Encrypted ${m.Ebs?.Encrypted}, expected ${c.expect.encrypted}`);
      if (m.Ebs?.KmsKeyId !== c.expect.regions[0]![1])
        problems.push(`${id}: volume key ${m.Ebs?.KmsKeyId}, expected ${c.expect.regions[0]![1]}`);
    }
  }
  return problems;
}

/**
 * The promote script (packer/scripts/ with Packer, imagebuilder/ without) shares an image with the
 * answers' accounts, organizations and OUs when it is promoted past its first stage.
 */
export function checkPromotionSharing(files: FolderFile[], c: IndependentCase): string[] {
  const script = files.find(
    (f) =>
      f.path ===
      (c.expect.builder === 'image-builder' ? 'imagebuilder/promote-image.sh' : 'packer/scripts/promote-image.sh'),
  );
  if (!script) return ['no promote script'];
  const quoted = /--launch-permission '([^']*)'/.exec(script.contents)?.[1];
  const added: Record<string, string>[] = quoted ? JSON.parse(quoted).Add : [];
  const pick = (key: string) => added.filter((p) => key in p).map((p) => p[key]!);
  const share = Object.fromEntries(
    (
      [
        ['UserIds', 'UserId'],
        ['OrganizationArns', 'OrganizationArn'],
        ['OrganizationalUnitArns', 'OrganizationalUnitArn'],
      ] as const
    )
      .map(([list, key]) => [list, pick(key)] as const)
      .filter(([, values]) => values.length > 0),
  );
  return JSON.stringify(share) === JSON.stringify(c.expect.share)
    ? []
    : [`${script.path}: shares with ${JSON.stringify(share)} on promotion, expected ${JSON.stringify(c.expect.share)}`];
}

export interface FolderFile {
  path: string;
  contents: string;
}

/** The engine's folders, and every file a component creates or script it runs equal to a generated one. */
export function checkFolders(files: FolderFile[], steps: ToeStep[], c: IndependentCase): string[] {
  const problems: string[] = [];
  const has = (prefix: string) => files.some((f) => f.path.startsWith(prefix));
  if (!files.some((f) => f.path === 'imagebuilder/image-builder.yaml'))
    problems.push('no imagebuilder/image-builder.yaml');
  if (c.expect.builder === 'both' && !has('packer/')) problems.push('builder both: no packer/ folder');
  if (c.expect.builder === 'image-builder' && has('packer/'))
    problems.push('builder image-builder: a packer/ folder is written');
  const shared = files.filter((f) => /^(bootstrap|config)\//.test(f.path));
  const created = steps
    .filter((s) => s.action === 'CreateFile')
    .flatMap((s) => s.inputs as { path: string; content: string }[]);
  for (const file of created) {
    // The generated file whose path below bootstrap/ or config/ ends the created path, in a folder named alike.
    const match = shared
      .filter((f) => {
        const [top, ...rest] = f.path.split('/');
        const tail = `/${rest.join('/')}`;
        return file.path.endsWith(tail) && file.path.slice(0, -tail.length).includes(top!);
      })
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!match) problems.push(`CreateFile ${file.path}: not a generated bootstrap/ or config/ file`);
    else if (match.contents !== file.content) problems.push(`CreateFile ${file.path}: differs from ${match.path}`);
  }
  const bootstrap = c.expect.family === 'windows' ? 'bootstrap/ami-bootstrap.ps1' : 'bootstrap/ami-bootstrap.sh';
  if (!created.some((f) => f.path.endsWith(bootstrap.slice('bootstrap'.length))))
    problems.push(`${bootstrap} is not put on the build instance`);
  if (c.expect.design !== 'jeos') {
    for (const f of shared.filter((x) => x.path.startsWith('config/'))) {
      if (!created.some((x) => x.path.endsWith(f.path.slice('config'.length))))
        problems.push(`${f.path} is not put on the build instance of the role images`);
    }
  }
  if (c.expect.builder === 'both') {
    const scripts = new Set(files.filter((f) => f.path.startsWith('packer/scripts/')).map((f) => f.contents));
    const run = steps.filter((s) => s.action === 'ExecuteBash' || s.action === 'ExecutePowerShell');
    if (run.length === 0) problems.push('no script step');
    for (const s of run) {
      const body = (s.inputs.commands as string[]).at(-1)!;
      if (!scripts.has(body)) problems.push(`${s.phase}/${s.name}: its script is not one of packer/scripts`);
    }
  }
  return problems;
}

/** The Component resources of a template with their Data. */
export function componentData(t: Template): [string, string][] {
  return ofType(t, 'AWS::ImageBuilder::Component')
    .map(([id, r]) => [id, r.Properties?.Data])
    .filter((x): x is [string, string] => typeof x[1] === 'string');
}

/** Image Builder keeps a component's document inline up to this many characters (CreateComponent's data). */
export const INLINE_DATA_LIMIT = 16_000;

/** Every component: a well-formed AWSTOE document, inline-sized, for the platform it says, with that platform's shell. */
export function checkComponents(t: Template, family: 'linux' | 'windows'): { problems: string[]; steps: ToeStep[] } {
  const problems: string[] = [];
  const steps: ToeStep[] = [];
  const components = ofType(t, 'AWS::ImageBuilder::Component');
  if (components.length === 0) problems.push('no Component');
  for (const [id, r] of components) {
    const data = r.Properties?.Data;
    if (typeof data !== 'string') {
      problems.push(`${id}: Data is not a string`);
      continue;
    }
    if (data.length > INLINE_DATA_LIMIT)
      problems.push(`${id}: Data is ${data.length} characters, over ${INLINE_DATA_LIMIT}`);
    if (r.Properties?.Platform !== (family === 'windows' ? 'Windows' : 'Linux'))
      problems.push(`${id}: Platform ${r.Properties?.Platform} on ${family}`);
    const report = checkToeDocument(data);
    problems.push(...report.problems.map((p) => `${id}: ${p}`));
    const wrongShell = family === 'windows' ? 'ExecuteBash' : 'ExecutePowerShell';
    for (const s of report.steps.filter((x) => x.action === wrongShell))
      problems.push(`${id}: ${s.name} uses ${wrongShell} on ${family}`);
    steps.push(...report.steps);
  }
  return { problems, steps };
}
