/** One matter told by many petitioners, and matters that share its words: the texts the grouping's tests walk. */

// Twelve petitioners on one factory's smell, each in their own words: one in traditional characters, one mixing English.
export const SMELL: Array<[string, string]> = [
  ['鑫达化工厂排放臭气', '白马镇鑫达化工厂天天排放臭气，家里老人孩子一直咳嗽。'],
  ['化工厂气味刺鼻', '我们白马镇的鑫达化工厂晚上偷偷排废气，臭得没法开窗。'],
  ['鑫达化工臭味', '白马镇鑫达化工一股刺鼻的气味，晾的衣服都是味道。'],
  ['白马镇那个化工厂', '白马镇那个鑫达化工厂气味熏得人头疼，已经持续三个月了。'],
  ['投诉白马镇鑫达化工厂', '白马镇鑫达化工厂烟囱一直冒黑烟，打过12345也没用。'],
  ['鑫达化工厂废气', '白马镇鑫达化工厂晚上十点以后排废气最严重。'],
  ['鑫達化工廠排放臭氣', '白馬鎮鑫達化工廠天天排放臭氣，晚上睡不著。'],
  ['白马镇鑫达化工厂 smell', '白马镇鑫达化工厂 the smell is terrible，空气里全是怪味。'],
  ['白马镇化工厂污染', '白马镇鑫达化工厂污水直接排到河里，空气也很臭。'],
  ['白马镇鑫达化工厂扰民', '鑫达化工厂臭味飘得整个白马镇都是，闻着想吐。'],
  ['反映白马镇鑫达化工厂', '鑫达化工厂环保局来过一次走了又照样排，气味难闻。'],
  ['白马镇鑫达化工', '白马镇鑫达化工厂一直排臭气，孩子咳嗽得厉害。'],
];

// Unrelated matters that share words: another factory's smell told in the same words, and a market's rubbish in the same town.
export const UNRELATED: Array<[string, string]> = [
  ['宏远化工厂排放臭气', '仙华镇宏远化工厂天天排放臭气，晚上气味更重。'],
  ['菜市场垃圾臭', '白马镇菜市场的垃圾没人清运，天天臭气熏天。'],
];
