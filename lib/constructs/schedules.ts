import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { SCHEDULES, type FunctionName } from '../wiring.ts';
import type { PetitionFunction } from './petition-function.ts';

export interface SchedulesProps {
  functions: Record<FunctionName, PetitionFunction>;
}

/** An EventBridge rule per wiring schedule. */
export class Schedules extends Construct {
  readonly rules: Rule[] = [];

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const schedule of SCHEDULES) {
      const rule = new Rule(this, schedule.name, {
        description: `${schedule.name}: every ${schedule.everySeconds} s`,
        schedule: Schedule.rate(Duration.seconds(schedule.everySeconds)),
        targets: [new LambdaFunction(props.functions[schedule.function].function)],
      });
      this.rules.push(rule);
    }
  }
}
