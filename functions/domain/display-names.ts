/**
 * How a case's status and channel are named to people, in Chinese: in the
 * report page and in the petitioner's pages alike.
 */
export const STATUS_NAMES: Readonly<Record<string, string>> = {
  received: '待受理',
  accepted: '办理中',
  not_accepted: '不予受理',
  forwarded: '已转送',
  replied: '已答复',
  under_review: '复查中',
  under_rereview: '复核中',
  closed: '已办结',
  final: '已终结',
};

export const CHANNEL_NAMES: Readonly<Record<string, string>> = { online: '网上信访', letter: '来信', visit: '来访', phone: '电话', leader_visit: '领导下访' };
