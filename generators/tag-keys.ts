// What each tag key of the policy is, in one table: whose values it lists (which decides what the
// tag policy lets the levels below it change) and which resources carry it (which decides what the
// AWS Config rules check). tagging.ts reads it for both files; the README says the same in words.
import type { GUIDANCE_TAG_KEYS, PROJECT_TAG_KEYS } from '../questionnaire/answer-rules.ts';

type PolicyKey = (typeof GUIDANCE_TAG_KEYS)[number] | (typeof PROJECT_TAG_KEYS)[number];

/**
 * - `per-image`: no list (Name, Version, Software differ per image and build).
 * - `project`: values only this project sets, from its answers or ami-wizard's vocabulary; below the
 *   OU or accounts the policy is attached to, nobody else needs to change them.
 * - `shared`: keys other teams carry with values of their own (owners, cost centers, compliance
 *   frameworks, and every extra tag, whose use ami-wizard cannot know); the levels below may add values.
 */
export type KeyValues = 'per-image' | 'project' | 'shared';

/**
 * - `images`: what an image holds and which build made it (Version, Software): the images carry them
 *   (the tag policy covers images; AWS Config cannot check them). An instance's image id leads to them,
 *   and a launch template that follows the published image id cannot know them, so no rule asks
 *   instances for them.
 * - `instances`: the instance's name and the role it applies; only instances carry these (the
 *   generated launch template tags both).
 * - `launched`: who owns and pays for what a launch creates; instances and their volumes carry these
 *   (a launch template's TagSpecifications tag both).
 */
export type CarriedBy = 'images' | 'instances' | 'launched';

/**
 * The AWS Config resource types each kind of key is required of: all of them in the list AWS documents
 * for the required-tags rule (https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html).
 * Network interfaces and security groups are left out: services create interfaces that no launch
 * template tags (load balancers, NAT gateways, Lambda), and security groups are shared infrastructure.
 */
export const CARRIED_BY_TYPES: Record<Exclude<CarriedBy, 'images'>, readonly string[]> = {
  instances: ['AWS::EC2::Instance'],
  launched: ['AWS::EC2::Instance', 'AWS::EC2::Volume'],
};

export interface TagKeyFacts {
  values: KeyValues;
  carriedBy: CarriedBy;
}

export const TAG_KEY_FACTS: Record<PolicyKey, TagKeyFacts> = {
  Name: { values: 'per-image', carriedBy: 'instances' },
  Version: { values: 'per-image', carriedBy: 'images' },
  Software: { values: 'per-image', carriedBy: 'images' },
  Role: { values: 'project', carriedBy: 'instances' },
  System: { values: 'project', carriedBy: 'launched' },
  Project: { values: 'project', carriedBy: 'launched' },
  CostCenter: { values: 'shared', carriedBy: 'launched' },
  Stage: { values: 'project', carriedBy: 'launched' },
  Confidentiality: { values: 'project', carriedBy: 'launched' },
  Compliance: { values: 'shared', carriedBy: 'launched' },
  Owner: { values: 'shared', carriedBy: 'launched' },
};

/** An extra tag of the answers (`tags:`): shared, on everything a launch creates. */
export const EXTRA_TAG_FACTS: TagKeyFacts = { values: 'shared', carriedBy: 'launched' };

export function tagKeyFacts(key: string): TagKeyFacts {
  return Object.hasOwn(TAG_KEY_FACTS, key) ? TAG_KEY_FACTS[key as PolicyKey] : EXTRA_TAG_FACTS;
}
