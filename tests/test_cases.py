"""Cases (SPEC §5): the pure readers as tables, then whole pages."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import CORPUS, read_corpus

from extractor import extract_text
from extractor.cases import (
    _category,
    _is_incident_article,
    _outcome,
    _role,
    _suspects,
    _victims,
    find_orgs,
)
from extractor.models import Fact

# fmt: off
CATEGORY_CASES = [
    # (text, code): one row per SPEC category, written from its table
    ("一名男子通过网上兼职刷单赚取佣金,被骗3万元",               "brushing"),
    ("受害人在虚假投资理财平台上充值10万元",                    "investment"),
    ("她在婚恋交友网站结识了“男友”,被骗20万元",                 "romance"),
    ("对方称可以办理网贷,需先交纳手续费,她因此被骗",            "loan"),
    ("自称金融客服,称其学生时期开通的账户影响征信,需要注销",      "credit_record"),
    ("接到自称快递客服的电话,称包裹丢失可以理赔",                "impersonate_service"),
    ("对方自称公检法人员,要求将资金转入安全账户",                "impersonate_authority"),
    ("骗子冒充领导添加其微信,要求转账",                          "impersonate_acquaintance"),
    ("一自称网贷平台的人员打电话催收,要求立即还款",              "debt_collection"),
    ("短信称其中奖,领取前需交保证金,事后发现被骗",              "prize_subsidy"),
    ("他在交易网络游戏装备时被骗",                              "gaming"),
    ("对方以裸聊视频相威胁,要求支付8000元",                      "sextortion"),
    ("该团伙开设网络赌博网站",                                  "gambling"),
    ("为诈骗团伙洗钱、跑分的团伙被打掉",                          "money_laundering"),
    ("打掉为境外诈骗团伙提供通信支持的GoIP窝点",                  "telecom_support"),
    ("刘某被诈骗一案已告破",                                    "other_fraud"),
    ("农民工刘某从三楼坠落受伤,检察院为其发放司法救助金",          "not_fraud"),
    # order: a fake financial 客服 threatening 征信 is credit_record (SPEC's example)
    ("自称某金融客服人员,声称会影响个人征信",                      "credit_record"),
    # many pretexts named: a type the case does not settle
    ("该团伙以刷单、投资理财、冒充客服退款、中奖等多种方式诈骗",    "other_fraud"),
    # a pretext needs a fraud: a murderer hunted by 网上通缉, a theft of 投资 goods name none
    ("秦某与雇主发生矛盾,用刀将其杀死,公安部网上通缉秦某",         "not_fraud"),
    # the text names the pretext (以X为由, 假借X名义): it wins over the table's order
    ("该男子假借投资理财名义,在“客服”指引下骗取钱款",               "investment"),
    ("犯罪分子以相亲为由,向被害人索取彩礼,诈骗得手",               "romance"),
    ("骗子以退款为名,诱骗受害人在理财平台上贷款",                  "impersonate_service"),
    ("嫌疑人利用网络交友实施诈骗,受害人后与支付宝客服沟通",          "romance"),
]

OUTCOME_CASES = [
    ("民警抓获犯罪嫌疑人26名,追赃100余万元",                    "solved"),
    ("该院为刘某发放了3万余元司法救助金",                        "aid"),
    ("反诈民警及时劝阻,避免了损失",                              "prevented"),
    ("王女士被骗5万元后报警",                                    "loss"),
    ("市民向反诈中心咨询相关情况",                                "other"),
    # SPEC's order: solved before loss
    ("刘某被骗50万元,警方抓获嫌疑人3名",                          "solved"),
    # a threat is not an arrest
    ("对方称否则将逮捕她,王女士没有转账",                          "prevented"),
    # held in criminal detention, or brought to justice: caught
    ("王某被骗5万元,民警于3月9日刑拘犯罪嫌疑人4名",                "solved"),
    ("李某被騙10萬元,疑犯其後歸案",                                "solved"),
    # 避免 of a loss is a prevention; 避免 in the closing advice is none
    ("李女士被骗2万元。民警提醒:切勿转账,避免人财两空",            "loss"),
    # money kept, fraud stopped, in traditional characters too
    ("員警即時阻詐,協助婦人保住12萬元積蓄",                        "prevented"),
]

ORG_CASES = [
    # a disaster agency abroad (SPEC §5: the first authority)
    ("印度尼西亚国家抗灾署发言人苏托波说,救援仍在进行",               ["印度尼西亚国家抗灾署"]),
    ("据巴基斯坦国家灾害管理局统计,洪灾已造成多人死亡",               ["巴基斯坦国家灾害管理局"]),
    # the services that count a disaster's dead or answer for its safety (cases.toml)
    ("据日本气象厅消息,震中位于福岛县近海",                          ["日本气象厅"]),
    ("据湖南省急救中心统计,目前伤亡人数为12人",                      ["湖南省急救中心"]),
    ("廣東汕尾海事局接報後,立即協調船舶前往救助",                    ["廣東汕尾海事局"]),
    ("河北省安监局介绍,事故原因正在调查",                            ["河北省安监局"]),
    ("2020年7月6日,单县公安局侦办的张某某被诈骗案",                ["单县公安局"]),
    ("近日,晋源分局依据一条洗钱线索",                            ["晋源分局"]),
    # what leads into the name is no part of it: a date's last character, a verb
    ("今（29）日台中地檢署宣告偵結",                              ["台中地檢署"]),
    ("案件已移交最高人民法院复核",                                ["最高人民法院"]),
    # an order's preposition, a dateline's 報導, taking someone back are no part of it
    ("救援人员按现场救援指挥部的部署展开搜救",                    ["现场救援指挥部"]),
    ("記者王明／屏東報導屏東東港警分局昨日查獲",                  ["屏東東港警分局"]),
    ("三人均被帶返警署調查",                                      []),
    # a verb with more of the prefix after it, a pronoun, an adverb, an idiom: no part of it;
    # a verb right before the suffix names the office's work, and one after a noun is inside
    ("当地出动森林防火指挥部人员上山扑救",                        ["森林防火指挥部"]),
    # (应急管理部门 is "the emergency departments", no authority's name: SPEC §5 names one)
    ("全省各级应急管理部门启动响应",                              []),
    ("市政府批复同意事故调查组的报告",                            ["事故调查组"]),
    # a time word, or a preposition of one character before more of the prefix: no part of it
    ("记者自新疆伊犁哈萨克自治州民政局获悉",                      ["新疆伊犁哈萨克自治州民政局"]),
    ("近期烟台市公安局破获一起案件",                              ["烟台市公安局"]),
    ("我院对5起5人拒不执行法院判决的案件宣判",                    []),
    ("兴安区二煤矿透水事故抢险救灾指挥部通报",                    ["兴安区二煤矿透水事故抢险救灾指挥部"]),
    ("辽宁本溪高新公安分局接到报警",                              ["辽宁本溪高新公安分局"]),
    ("此案备受公安部关注",                                        ["公安部"]),
    # 於 (at, in) leads into the name, no part of it
    ("被告今日於九龍城裁判法院提堂",                              ["九龍城裁判法院"]),
    # sub-units one after another: kinds of work, an ordinal, a unit word
    ("油尖警區刑事調查隊第四隊正跟進",                            ["油尖警區刑事調查隊第四隊"]),
    ("市公安局反诈中心近日先后在阳曲县打掉",                      ["市公安局反诈中心"]),
    ("5月11日,反诈民警在市公安局接待室接待来访群众",              ["市公安局"]),
    ("对于云南永善县公安局溪洛渡派出所的民警李欣来说",            ["云南永善县公安局溪洛渡派出所"]),
    ("湖南津市市公安局民警介绍",                                  ["湖南津市市公安局"]),
    ("昆明市公安局盘龙分局反诈中心提醒",                          ["昆明市公安局盘龙分局反诈中心"]),
    ("警方表示,民警已介入",                                      []),
    ("今（29日）在區域法院判刑",                                  ["區域法院"]),
    ("臺北地檢署今天偵結起訴",                                    ["臺北地檢署"]),
    ("大河报记者从新密市公安局获悉",                              ["新密市公安局"]),
    ("三重分局偵查隊調閱監視器",                                  ["三重分局偵查隊"]),
    ("案件由新北市警局移送",                                      ["新北市警局"]),
    # a long place prefix (19 characters) is kept whole
    ("云南省普洱市孟连傣族拉祜族佤族自治县公安局接到报警",          ["云南省普洱市孟连傣族拉祜族佤族自治县公安局"]),
    # a time word before a name is not part of it; ministries and bureaus of relief
    ("目前云南省民政厅已紧急调拨棉衣",                              ["云南省民政厅"]),
    ("据民政部23日发布的灾情信息",                                  ["民政部"]),
    ("中国地震局派出工作组赶赴震区",                                ["中国地震局"]),
    # courts written short
    ("记者从浙江省高院获悉",                                        ["浙江省高院"]),
    ("北京二中院审理认为",                                          ["北京二中院"]),
    # adverbs and the object marker end a prefix; border and traffic police units
    ("仅用16个小时就将公安部网上通缉的嫌疑人抓获",                  ["公安部"]),
    ("锡林郭勒盟公安边防支队通过草原110",                           ["锡林郭勒盟公安边防支队"]),
    ("B小姐月初去信警務處",                                         ["警務處"]),
    # who answers an accident or disaster; the traditional 與 ends a prefix as 与 does
    ("某市海上搜救分中心已协调2艘船只赶赴现场",                      ["某市海上搜救分中心"]),
    ("中央災害應變中心晚間召開工作會報",                            ["中央災害應變中心"]),
    # a sub-unit right after a name belongs to it: a kind of work, an ordinal, a unit word
    ("专门送了一面锦旗到茶陵县公安局刑侦大队表示感谢",              ["茶陵县公安局刑侦大队"]),
    ("九龍城警區重案組第二隊主管表示",                              ["九龍城警區重案組第二隊"]),
    ("警方西區警區刑事部督察在記者會上表示",                        ["西區警區刑事部"]),
    ("某县公安局部署专项行动",                                      ["某县公安局"]),
    # fire and civil-affairs authorities
    ("事故发生后,盖家沟消防中队及时赶到",                           ["盖家沟消防中队"]),
    ("台北市消防局表示",                                            ["台北市消防局"]),
    # Taiwan's criminal police brigade written short, and its squad
    ("據台中市刑大偵三隊長杜旻信表示",                              ["台中市刑大偵三隊"]),
    ("省公安消防总队调派12个中队",                                  ["省公安消防总队"]),
    ("研究所與中國地震局聯合測定",                                  ["中國地震局"]),
    # a named office right after an authority's name belongs to it: nouns, then its word
    ("燕山公安局向阳派出所民警赶到现场",                            ["燕山公安局向阳派出所"]),
    ("贵溪市人民法院龙虎山人民法庭依法公开审理",                    ["贵溪市人民法院龙虎山人民法庭"]),
    ("苏州市姑苏区人民法院太湖流域环境资源法庭审理认为",            ["苏州市姑苏区人民法院太湖流域环境资源法庭"]),
    ("兰州市公安局七里河分局反电信网络诈骗大队民警介绍",            ["兰州市公安局七里河分局反电信网络诈骗大队"]),
    ("福州市公安局指挥中心接到报警后",                              ["福州市公安局指挥中心"]),
    # an ordinal may number the office
    ("如皋法院长江流域环境资源第二法庭公开开庭审理",                ["如皋法院长江流域环境资源第二法庭"]),
    # the coast guard and the sea rescue bureaus (not the 海警 of 北海警方)
    ("东海救助局派出救助船赶赴现场",                                ["东海救助局"]),
    ("莆田海警局联合公安机关开展行动",                              ["莆田海警局"]),
    ("广西北海警方破获一起案件",                                    []),
    # ... but not past a verb (the office is another's, taken on by the authority)
    ("市公安局迅速抽调刑侦支队民警",                                ["市公安局"]),
    # a verb passing a case or an order on to an authority is no part of its name
    ("警方立即通報澎湖縣警察局馬公分局到場處理",                     ["澎湖縣警察局馬公分局"]),
    ("全案依涉嫌不法匯兌罪送交檢察院偵辦",                           ["檢察院"]),
    ("金山分局指挥中心指令消防中队赶赴现场",                         ["金山分局指挥中心", "消防中队"]),
    # the police of the place, a count's classifier: no name
    ("报警后当地派出所民警赶到现场",                                 []),
    ("当地出动1个消防中队参与救援",                                   ["消防中队"]),
    # a suffix inside a longer word: a department, a title that repeats the unit
    ("据四川省宜宾市公安部门统计",                                   []),
    ("公安部门户网站发布消息",                                       ["公安部"]),
    ("正宁县交警大队大队长李某介绍",                                 ["正宁县交警大队"]),
    ("台中市刑大偵三隊長杜旻信表示",                                 ["台中市刑大偵三隊"]),
    ("山东省应急管理厅派出工作组",                                   ["山东省应急管理厅"]),
    # a boundary word inside a word of the tagger's opens no name (呼和浩特, 太和县: not 和)
    ("呼和浩特市新城区人民法院审理了此案",                             ["呼和浩特市新城区人民法院"]),
    ("安徽太和县公安局接到报警",                                       ["安徽太和县公安局"]),
]
# SPEC §5: a victim by what is said of the person (报警, 被骗, 损失; 被害人, 群众 before)
VICTIM_CASES = [
    ("民警接到辖区群众姜某报警,称其被骗",                         ["姜某"]),
    ("被害人刘某向警方求助",                                      ["刘某"]),
    # the one a threat or extortion is made against, with their role before the name
    ("二人以曝光相要挟煤矿老板张某,商定交16000元了事",              ["张某"]),
    # … not a defendant named after the charge
    ("法院以敲诈勒索罪判处被告人宋某有期徒刑四年",                  []),
    ("王某损失3万元后才醒悟",                                    ["王某"]),
    ("犯罪嫌疑人张某落网",                                        []),
    ("李女士被骗5万元",                                          ["李女士"]),
    # a resident reporting to the police (向某警方报案: 向 is the surname here)
    ("石柱县居民向某警方报案,称被骗4800余元",                      ["向某"]),
    # a pseudonym's name: three or two characters led by a surname, or 小/老/阿 and one
    ("接到辖区某公司职工钱某(化名)报警称:其被网上“导师”诱骗",     ["钱某"]),
    ("网友小李(化名)在某社交软件上认识了一名“美女”",               ["小李"]),
    ("民警随即向李丽(化名)了解情况",                               ["李丽"]),
    ("退休教师张晓明(化名)被骗12万元",                             ["张晓明"]),
    # no one named: the role nouns the text uses, a noun inside a longer one left out
    ("男子在銀行門口遭2名男子強押上車，被害人隨即報警",             ["被害人"]),
    ("事故造成18人死亡，死傷者家屬趕到醫院",                         ["死傷者"]),
    # words that all mean "the victim": the first one only (SPEC §5: each victim once);
    # the dead and the injured are told apart
    ("受害人报警称被骗,民警为被害人追回损失",                       ["受害人"]),
    ("事主報案後,警方聯絡受害人了解情況",                           ["事主"]),
    ("事故中的死者和伤者已送医",                                     ["死者", "伤者"]),
    # the teller of a report about harm to themselves, as described; a tip-off names no one
    ("派出所接到一名店主报警称,自己店内的现金被盗",                   ["店主"]),
    ("派出所接到辖区一家酒店报警：两名男子在大堂打架",               []),
    ("民警接到群众报警后,即出警处置",                                []),
    # a pseudonym is a victim's; a Latin initial stands for a surname (Hong Kong reports)
    ("张华(化名)到派出所求助",                                      ["张华"]),
    ("C先生報案稱被騙",                                              ["C先生"]),
    # hurt in the incident
    ("一辆货车与行人王某相撞,致王某受伤",                            ["王某"]),
    # killed by the suspect
    ("犯罪嫌疑人张某持刀杀死王某后逃跑",                              ["王某"]),
    # struck, owed or compensated by the suspect; each name of a list after the word
    ("王某向楼下抛掷杂物,砸中刘某停放的轿车",                          ["刘某"]),
    ("被告人方某拖欠李某、赵某等五名员工工资",                          ["李某", "赵某"]),
    # an honorific after a surname only, and not across two words (说明|老人, 七旬|老人)
    ("民警向他说明老人正在遭受诈骗",                                  []),
    ("一位七旬老人赶往约定地点送钱",                                  []),
    ("刘老人报警称被骗",                                              ["刘老人"]),
    # a familiar name (小/老/阿 and a surname) in the clause of a victim's verb
    ("当晚,小张一路小跑到派出所报警",                                ["小张"]),
    ("小李说老王很热心",                                              []),
]
# SPEC §5: suspects named by X某, by surname (Taiwan: 徐姓男子), or after 被告人
SUSPECT_CASES = [
    # an X某Y name before a verb that opens the predicate (涉嫌, 供述)
    ("4月3日,嫌疑人农某华涉嫌盗窃罪已被警方刑事拘留",                 ["农某华"]),
    ("警方逮捕徐姓男子與羅姓男子，被害人報案",                       ["徐姓男子", "羅姓男子"]),
    # by trade or role (Taiwan's press)
    ("檢方起訴吳姓船長及蔡姓貨車司機",                               ["吳姓船長", "蔡姓貨車司機"]),
    ("警方當場逮捕鄭姓車手",                                         ["鄭姓車手"]),
    ("警方逮捕張姓婦人及楊姓女兒",                                   ["張姓婦人", "楊姓女兒"]),
    ("法院查明，被告人张明杰受贿。被告人张明杰当庭认罪",             ["张明杰"]),
    # a marked name ends at a word's end, not at a function character or the next word's head
    ("被告人吴英集资诈骗一案进行宣判。被告人吴英的上诉被驳回",       ["吴英"]),
    # the names a marker lists with 、, each written twice, whatever their surname
    ("对被告人妥永山、闵福宝、赵丽验明正身。判处妥永山、闵福宝、赵丽死刑", ["妥永山", "闵福宝", "赵丽"]),
    ("民警抓获犯罪嫌疑人郭某、章某",                                ["郭某", "章某"]),
    # no given name after X某 from a copula, 除…外 or a person's place (系, 外, 处)
    ("经查,犯罪嫌疑人何某系四川人,已被刑拘",                        ["何某"]),
    ("除犯罪嫌疑人丁某外,其余人员均被释放",                          ["丁某"]),
    ("民警在嫌疑人方某处、李某家中查获赃物",                        ["方某", "李某"]),
    # a list after a marker is read though an X某 name is found too; the one threatened is
    # no suspect
    ("二人以曝光相要挟煤矿老板张某。法院查明,被告人苏士玉、谢天信系下岗人员。苏士玉、谢天信被抓获",
     ["苏士玉", "谢天信"]),
    # the person who reports under a pseudonym is the victim, no suspect
    ("接到辖区某公司职工钱某(化名)报警称:其被网上“导师”诱骗",        []),
    # Taiwan: a surname and 嫌; two surnames sharing one noun
    ("警方拘提陳嫌、林嫌到案",                                      ["陳嫌", "林嫌"]),
    ("他涉嫌詐欺被起訴",                                            []),
    # a court's sentence on defendants named in a list: 对A、B以…罪
    ("法院对李明、王晓红以诈骗罪分别判处有期徒刑五年和三年",         ["李明", "王晓红"]),
    ("法院对被告人以诈骗罪判处有期徒刑",                            []),
    ("查獲吳姓與蔡姓男子",                                          ["蔡姓男子", "吳姓男子"]),
    # the person a court sentences, named in full and written again
    ("法院以盗窃罪判处石柏林有期徒刑十年。石柏林当庭表示不上诉",       ["石柏林"]),
    ("法院一审判决王建国因受贿罪获刑。王建国当庭认罪",               ["王建国"]),
    # a rarer surname (not in the list) counts where a role word names the person
    ("经审讯,犯罪嫌疑人旦某、才某对犯罪事实供认不讳",                 ["旦某", "才某"]),
    ("有网友称旦某很热心",                                          []),
    # a full name the charge is said of, written twice (郭铁军因涉嫌受贿罪)
    ("原局长孙志远因涉嫌受贿罪被刑事拘留。法院认为,孙志远的行为已构成受贿罪", ["孙志远"]),
    ("孙志远因涉嫌受贿罪被刑事拘留", []),
    # X某Y names before a predicate, a bracket or 为首 (the third character is the name's)
    ("以被告人颜某敏为首的黑社会性质组织",                           ["颜某敏"]),
    ("抓获犯罪嫌疑人杨某华、郑某莎(女)",                            ["杨某华", "郑某莎"]),
    # …not an adverb or the first character of a word after X某
    ("犯罪嫌疑人周某曾在当地务工",                                  ["周某"]),
    ("犯罪嫌疑人徐某作为组织者",                                    ["徐某"]),
    # one suspect called by several forms of one surname: the first form only
    ("警方逮捕張姓男子。經查，張姓嫌犯曾多次犯案，張嫌坦承不諱",       ["張姓男子"]),
    ("警方逮捕張姓與黃姓犯嫌",                                      ["黃姓犯嫌", "張姓犯嫌"]),
    # a defendant who appeals; a name before the crime it committed or the arrest it underwent
    ("陕西省高院宣判上诉人辛海平故意杀人一案。辛海平携带剔骨刀乘上公交车",   ["辛海平"]),
    ("原局长文强因犯受贿罪被判处死刑。文强当庭表示上诉",               ["文强"]),
    ("同年6月29日武保安被批准逮捕,随后武保安被起诉",                   ["武保安"]),
    # … but not a place or a currency that a surname happens to open
    ("疑犯12月23日在九龍城區被捕,九龍城區警方跟進",                    []),
    ("该公司挪用3000万卢布被判处罚款,3000万卢布已追回",                []),
    # 某 as "a certain" after a word the "surname" ends (用于, 江苏): no X某 name
    ("犯罪嫌疑人张某将赃款用于某直播间打赏",                          ["张某"]),
    ("被告人王某曾在晋江某鞋厂打工",                                  ["王某"]),
    ("被告人李某系江苏某大学学生",                                    ["李某"]),
]
# fmt: on


# a short article tells one incident when it says what happened to people, not statistics
INCIDENT_ARTICLES = [
    ("新北市三重區24日發生強盜擄人事件，2嫌落網1嫌在逃，警方持續追緝。", True),
    ("台中市幫派幹部涉嫌設詐騙機房，假冒公安詐騙華人，檢方依詐欺罪起訴。", True),
    ("山西臨汾發生山泥傾瀉，一座辦公室被埋，導致4人遇難。", True),
    # a verdict on one defendant
    ("北京市高级人民法院对张某盗窃案进行二审宣判,维持一审判处其有期徒刑十年的判决。", True),
    ("今年以来全市共破获案件1718起，同比下降43.9%，累计返还资金2085万元。", False),
    ("一季度全市生产总值同比增长4.4%，规模以上工业增加值增长9.6%。", False),
    # an earthquake, a sinking, a typhoon: disasters told as one incident
    ("据地震台网测定，某县6日上午7时50分发生5.1级地震，震源深度10公里，暂无人员伤亡报告。", True),
    ("3日凌晨，一艘渔船在附近海域遇险沉没，船上5人全部落水，目前2人获救。", True),
    ("颱風今日清晨減弱為熱帶性低氣壓，造成2人死亡、15人受傷。", True),
    # a seizure and an arrest (customs, drugs)
    ("海關今日在機場檢獲約5公斤懷疑可卡因，並拘捕一名男子。他已被控一項罪名。", True),
    ("民警在某小区查获一批假冒商品，刑拘犯罪嫌疑人2名。", True),
    # a regulation's text: 劝阻 there is a duty the rules give, not a police officer's act
    ("根据条例第33条规定,由管理责任人进行劝阻;对拒不听从劝阻的,依照第38条规定处以罚款。", False),
    # a game report: points won back and a "Mr. Clutch" are no incident
    ("威尔斯连续命中三分帮助青岛队追回一些分差,上海队的“关键先生”冯莱单节砍下9分。", False),
    # a victim's report and the money given back
    ("歌迷小王到派出所报警，称向网上黄牛转账了3000元。经民警协调，对方退回了全部转款。", True),
    # a dated storm, flood or hail striking a place: one disaster told as an incident
    ("5月23日凌晨,某县遭遇强风冰雹袭击,1.9万亩农作物绝产,15间房屋倒塌。", True),
    ("昨天下午3点,峡谷突发山洪,3名游客被冲走,1人遇难。当地组织8个小组连夜搜救。", True),
    # one harm word alone, with no dated event, is not enough
    ("某县15间房屋倒塌。", False),
    # … but a year's disasters listed in a relief article, with no date of their own, are not
    ("据了解,去年该省先后遭受了雪灾、干旱、洪涝等自然灾害,直接经济损失达59亿元。", False),
]


@pytest.mark.parametrize(
    ("text", "incident"), INCIDENT_ARTICLES, ids=[t[:8] for t, _ in INCIDENT_ARTICLES]
)
def test_incident_article(text: str, incident: bool) -> None:
    assert _is_incident_article(text) is incident


@pytest.mark.parametrize(("text", "names"), SUSPECT_CASES, ids=[c[0][:8] for c in SUSPECT_CASES])
def test_suspects(text: str, names: list[str]) -> None:
    assert _suspects(text, _victims(text)) == names


@pytest.mark.parametrize(("text", "victims"), VICTIM_CASES, ids=[c[0][:8] for c in VICTIM_CASES])
def test_victims(text: str, victims: list[str]) -> None:
    assert _victims(text) == victims


@pytest.mark.parametrize(
    ("text", "code"), CATEGORY_CASES, ids=[c[1] + ":" + c[0][:8] for c in CATEGORY_CASES]
)
def test_category(text: str, code: str) -> None:
    assert _category(text) == code


@pytest.mark.parametrize(("text", "outcome"), OUTCOME_CASES, ids=[c[0][:10] for c in OUTCOME_CASES])
def test_outcome(text: str, outcome: str) -> None:
    assert _outcome(text) == outcome


@pytest.mark.parametrize(("text", "names"), ORG_CASES, ids=[c[0][:10] for c in ORG_CASES])
def test_find_orgs(text: str, names: list[str]) -> None:
    assert [n for _, n in find_orgs(text)] == names


def _money(action: str | None, subject: str | None) -> Fact:
    return Fact(
        kind="money",
        span=(0, 1),
        text="x",
        value=Decimal(1),
        unit="CNY",
        subject=subject,
        action=action,
    )


# fmt: off
ROLE_CASES = [
    # (action, subject, clause before, text after, case outcome, role) — SPEC §5's role list
    ("追赃", "追赃",     "追赃",           ",冻结",     "solved",    "recovered"),
    ("扣押", "涉案赃款", "扣押涉案赃款",   "",          "solved",    "recovered"),
    ("冻结", "资金",     "冻结资金",       "",          "solved",    "frozen"),
    ("返还", "被骗资金", "返还被骗资金",   "",          "solved",    "returned"),
    ("发放", None,       "为刘某发放了",   "司法救助金", "aid",       "aid"),
    ("骗",   "骗",       "被男友骗了",     "",          "loss",      "loss"),
    ("转入", "转入",     "要求张女士给指定账户转入", "", "prevented", "attempted"),
    (None,   "涉案资金", "该案涉案资金高达", "",         "solved",    "involved"),
    (None,   "总案值",   "共作案55起,总案值近", "",       "solved",    "involved"),
    # 涉案 before any money noun: the sum the case involves
    (None,   "涉案价值", "涉案价值",      "",             "solved",    "involved"),
    (None,   "涉案财物价值", "涉案财物价值约", "",          "solved",    "involved"),
    ("涉及", "款額",     "支付工資予一名僱員,涉及款額為", "", "solved", "involved"),
    ("挽回", "经济损失", "为群众挽回经济损失", "",       "solved",    "recovered"),
    ("产生", "医疗费",   "共产生医疗费",   "",          "aid",       "cost"),
    ("獲利", "獲利",     "以此等欺騙手段獲利超過", "",   "solved",    "other"),
    # in a prevented case the money about to be lost is attempted
    ("充值", "充值",     "将银行卡内的",   "全部充值到骗子指定的App上", "prevented", "attempted"),
    # the role verb may follow the amount (gold/README, batch 4: 追缴 is recovered)
    ("所得", "违法所得", "对李某的违法所得", "予以追缴,上缴国库", "solved",   "recovered"),
    (None,   "财物",     "其中",           "未遂",      "solved",    "attempted"),
    # money taken by force or stealth is lost
    ("搶走", "搶走",     "在車上搶走",     "",          "solved",    "loss"),
    ("鉴定", "价值",     "所盗手机经鉴定价值", "",      "solved",    "loss"),
    ("丢失", "保险金额", "其中丢失的3件展品保险金额为", "", "solved",    "loss"),
    # words of losing and nouns of a loss (SPEC §5: 损失)
    ("痛失", "痛失",     "墮入假冒官員電話騙案，痛失", "", "loss",     "loss"),
    (None,   "财损",     "燃烧面积约20平方米,财损约", "",  "other",    "loss"),
    (None,   "農業災損", "農業災損計",     "",          "other",     "loss"),
    # money lost at a game of chance; money taken out of a suspect's car by the police
    ("输掉", "输掉",     "进行网络赌博,输掉", "",         "solved",    "loss"),
    ("起出", "現金",     "警方隨後在楊嫌車內起出現金", "", "solved",    "recovered"),
    # a fine in a theft verdict is no loss
    ("处",   "罚金",     "犯盗窃罪被判处有期徒刑并处罚金", "", "solved", "other"),
    # a victim's money sent to the fraudsters or moved out of the account is lost …
    ("转账", "转账",     "王某向指定账户转账", "后发现被骗", "solved", "loss"),
    (None,   "其银行卡里", "该女士发现其银行卡里已经有", "被转走", "other", "loss"),
    ("转",   "转",       "二话没说就给对方转去了", "",  "loss",      "loss"),
    ("汇",   "汇",       "随后她又汇给对方", "",        "loss",      "loss"),
    # … the money they were trying to move is attempted; goods seized are recovered
    ("试图", "试图",     "对方还在试图转走其银行卡里剩下的", "", "other", "attempted"),
    ("檢獲", "檢獲",     "在車上檢獲76箱、總值", "的電腦硬盤", "solved", "recovered"),
    # a transfer that describes the money (转账的…) is no loss of the victim's
    ("取出", "取出",     "从银行取出常某转账的", "并自借5万元",  "solved", "other"),
    # money a fraud, a theft or a robbery takes from its owner is lost, whoever takes it …
    ("詐得", "款項",     "在辦公廳舍拆除重建標案中,詐得款項", "", "solved", "loss"),
    ("盗刷", "盗刷",     "利用银行卡闪付功能分30笔共盗刷", "", "solved", "loss"),
    ("抢劫", "抢劫",     "在3分钟时间里抢劫", "现金后逃离", "solved",    "loss"),
    (None,   "敲诈勒索", "被对方敲诈勒索", "",          "solved",    "loss"),
    # stolen goods' worth after a verb of stealing (gold po202)
    (None,   "价值",     "嫌疑人刘某两次窃得价值", "的电缆线", "solved",  "loss"),
    # … but not where the word names the crime or the case
    (None,   "总价值",   "两次盗窃案值共计", "",          "solved",    "other"),
    ("处",   "罚金",     "被告人犯抢劫、强奸罪被判处九年有期徒刑并处罚金", "", "solved", "other"),
    # money the victim paid into a fraud is lost
    ("投入", "投入",     "向某在某APP平台进行交易投资,先后投入", "", "solved", "loss"),
    ("交给", "现金",     "事主不虞有詐,将合共", "现金分两次交给骗徒", "solved", "loss"),
]
# money moved in a laundering or gambling scheme is a flow of it, not a victim's loss
LAUNDERING_ROLE_CASES = [
    ("转账", "转账",     "已累计帮助多家赌博网站转账", "", "solved", "money_laundering", "other"),
    ("转账", "转账",     "已累计帮助多家赌博网站转账", "", "solved", "gambling",         "other"),
    # money paid out in a case that is no fraud is spent, not lost (a disaster's relief)
    ("投入", "投入",     "县政府已向灾区投入", "",      "other",     "not_fraud",        "other"),
    ("支付", "工资",     "公司按月支付",   "",          "solved",    "gambling",         "other"),
]
# fmt: on


@pytest.mark.parametrize(
    ("action", "subject", "left", "right", "outcome", "category", "role"), LAUNDERING_ROLE_CASES
)
def test_role_in_laundering(action, subject, left, right, outcome, category, role) -> None:
    assert _role(_money(action, subject), left, right, outcome, category) == role


@pytest.mark.parametrize(
    ("action", "subject", "left", "right", "outcome", "role"),
    ROLE_CASES,
    ids=[c[5] + ":" + c[2][:6] for c in ROLE_CASES],
)
def test_role(action, subject, left, right, outcome, role) -> None:
    assert _role(_money(action, subject), left, right, outcome) == role


SUSPECT_COUNT_CASES = [
    # (text, suspect_count): SPEC §5, the number of suspects caught, by the verb that catches
    (
        "3月5日,某县公安局接到群众王某报警称被骗5万元。经侦查,民警于3月9日刑拘犯罪嫌疑人4名,追回赃款3万元。",
        4,
    ),
    ("5月2日,某市公安局破获一起诈骗案,逮捕犯罪嫌疑人7人,涉案金额80万元。", 7),
    ("5月2日,某市公安局接到李某报警,称被骗2万元,目前案件正在侦办中。", None),
    # caught in a raid, or sentenced (a court's report of a case)
    ("8月16日,海巡隊在外海查獲漁船船長等5人,當場扣押私菸10萬包,全案移送檢方偵辦。", 5),
    ("4月26日,某区法院对该案作出判决,两名被告人被判处拘役二个月。", 2),
    ("近日,某市法院集中对6件30名被告人在该市某镇非法采砂案件进行公开宣判。", 30),
]


CASE_DATE_CASES = [
    # (text, date): SPEC §5, the first date of the case, skipping the date of a report
    (
        "记者15日从某省公安厅了解到,今年3月,某市公安局成功侦破一起电信诈骗案件,抓获犯罪嫌疑人12名,冻结资金100余万元。",
        "XXXX-03",
    ),
    ("6月9日,某区检察院消息,5月2日王某被骗5万元后报警,警方抓获嫌疑人2名。", "XXXX-05-02"),
    ("5月2日,某市公安局接到李某报警,称被骗2万元,民警立即展开调查。", "XXXX-05-02"),
]


# (text, victims): with no victim named or called by a role noun, the people a count says
# were harmed (SPEC §5: victims as written); not a word that only says they are people
HARMED_VICTIM_CASES = [
    ("3日凌晨,一艘渔船在附近海域发生事故沉没,海事部门随后救起3名落水人员。", ["落水人员"]),
    ("5日下午,一辆客车在高速公路发生车祸,造成两人死亡,15名乘客受伤。", ["乘客"]),
    ("6日,一艘货船在附近海域发生事故沉没,八名船员全部失踪。", ["船员"]),
    ("6日,一艘货船在附近海域发生事故沉没,八名人员失踪。", []),
    # buried or struck: harm verbs too
    ("16日,某地一栋楼房发生坍塌事故,十一名施工人员被埋,另有四名路人被砸伤。", ["施工人员", "路人"]),
    # a role noun the text uses wins over the harmed count's noun
    ("7日,某煤矿发生事故,5名矿工被困井下,救援人员正全力营救受困矿工。", ["受困矿工"]),
]


@pytest.mark.parametrize(("text", "victims"), HARMED_VICTIM_CASES)
def test_harmed_victims(text: str, victims: list[str]) -> None:
    (case,) = [c for a in extract_text(text).articles for c in a.cases]
    assert case.victims == victims


@pytest.mark.parametrize(("text", "date"), CASE_DATE_CASES)
def test_case_date(text: str, date: str) -> None:
    (case,) = [c for a in extract_text(text).articles for c in a.cases]
    assert case.date == date


@pytest.mark.parametrize(("text", "count"), SUSPECT_COUNT_CASES)
def test_suspect_count(text: str, count: int | None) -> None:
    (case,) = [c for a in extract_text(text).articles for c in a.cases]
    assert case.suspect_count == count


def test_seed_page_000_cases() -> None:
    """SPEC §5's own examples on the 菏泽 page: two cases mid-paragraph, across a column break."""
    document = extract_text(read_corpus("000_cf4c8eff55ad11d1.txt"), source="000.txt")
    first, second = document.articles[0].cases
    assert (first.date, first.agency, first.suspect_count) == ("2020-07-06", "单县公安局", 26)
    assert (first.category, first.outcome, first.victims) == ("investment", "solved", ["张某某"])
    assert [(a.role, a.value) for a in first.amounts] == [
        ("recovered", Decimal(1000000)),
        ("frozen", Decimal(2000000)),
        ("involved", Decimal(5000000)),
    ]
    assert (second.date, second.agency, second.suspects, second.suspect_count) == (
        "2020-11-06",
        "曹县公安局",
        ["郭某", "章某"],
        31,
    )
    assert document.articles[1].cases == []  # the 医保 article tells no incident


def test_seed_page_002_cases() -> None:
    document = extract_text(read_corpus("002_da3bf681ae66fdcd.txt"), source="002.txt")
    first, second, third = document.articles
    # two operations in one paragraph, split at the ;
    assert [(c.agency, c.category, c.suspect_count) for c in first.cases] == [
        ("晋源分局", "money_laundering", 20),
        ("市公安局反诈中心", "telecom_support", 7),
    ]
    # five cases, one per subheading, titled by it
    assert [c.title for c in second.cases] == [
        "影响个人征信作饵",
        "冒充购物客服诈骗",
        "冒充公检法人员诈骗",
        "浑水摸鱼催贷诈骗",
        "设置裸聊陷阱敲诈",
    ]
    assert [c.category for c in second.cases] == [
        "credit_record",
        "impersonate_service",
        "impersonate_authority",
        "debt_collection",
        "sextortion",
    ]
    assert {c.outcome for c in second.cases} == {"prevented"}
    assert second.cases[0].victims == ["刘女士"]
    # the 司法救助 article is one case; its announcement date 6月9日 is skipped
    (aid,) = third.cases
    assert (aid.date, aid.agency, aid.category, aid.outcome, aid.victims) == (
        "2021-09-03",
        "晋源区检察院",
        "not_fraud",
        "aid",
        ["刘某"],
    )
    text = read_corpus("002_da3bf681ae66fdcd.txt")
    assert (
        text[aid.span[0] : aid.span[0] + 9] == "四川籍农民工刘某在"
    )  # from the first body sentence


def test_statistics_never_become_cases() -> None:
    report = "今年以来,全市共破获电信网络诈骗案件1718起,抓获犯罪嫌疑人912人,同比下降43.9%。" * 30
    assert extract_text("全市打击电诈工作情况\n\n" + report, source="x.txt").articles[0].cases == []
    for name in ("d01.txt", "d02.txt", "d03.txt", "d06.txt", "d10.txt"):
        assert all(not a.cases for a in extract_text(read_corpus(name), source=name).articles), name


def test_cases_component_and_entry_point(nlp) -> None:
    doc = nlp(read_corpus("000_cf4c8eff55ad11d1.txt"))
    assert [len(c) for c in doc._.cases] == [2, 0]
    assert doc.spans["cases"][0].text.startswith("2020年7月6日,单县公安局")
    code = (
        "import spacy\n"
        "nlp = spacy.blank('zh')\n"
        "for name in ('extractor_layout', 'extractor_facts', 'extractor_cases'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp(open(sys.argv[1], encoding='utf-8').read())\n"
        "print(doc._.cases[0][0].agency)\n"
    )
    path = str(__import__("conftest").CORPUS / "000_cf4c8eff55ad11d1.txt")
    result = subprocess.run(
        [sys.executable, "-c", "import sys\n" + code, path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "单县公安局"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a disaster's economic damage is no victim's money lost (SPEC §5's outcomes)
        ("8月3日,山西临汾一处煤矿发生坍塌事故,造成4人遇难、2人受伤,直接经济损失300万元。", "other"),
        # a fraud's loss stays a loss
        ("8月3日,王女士报警称被骗5万元。民警接到报警后立即开展调查,王女士损失5万元。", "loss"),
    ],
)
def test_outcome_of_whole_case(text: str, outcome: str) -> None:
    cases = _cases_of(text)
    assert [c.outcome for c in cases] == [outcome]


_TWO_VICTIMS = (
    "# 冒充军人订餐诈骗来袭\n\n近日,我区发生多起冒充军人订餐诈骗。\n\n"
    "2021 年 11 月\n\n西山区王先生\n\n接到一个陌生电话\n\n对方自称某部队后勤人员\n\n"
    "需要订购 30 人的餐\n\n王先生按照要求转账\n\n损失 1.2 万元\n\n无独有偶\n\n"
    "2021 年 12 月\n\n西山区赵女士\n\n收到一个微信好友申请\n\n对方自称某部队军人\n\n"
    "赵女士按照要求转账\n\n损失 8000 元\n"
)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # a short article told one clause to a line, two incidents of two named victims:
        # two cases (a date line read on with the lines after it opens each)
        (_TWO_VICTIMS, [["王先生"], ["赵女士"]]),
        # a short article telling one incident in two steps stays one case
        (
            "5月3日,李女士报警称被骗2万元。5月6日,民警接到报警后立即开展调查,"
            "抓获犯罪嫌疑人张某,追回李女士被骗的2万元。",
            [["李女士"]],
        ),
    ],
)
def test_short_article_cases_by_victim(text: str, victims: list[list[str]]) -> None:
    cases = _cases_of(text)
    assert [c.victims for c in cases] == victims


def test_a_date_in_the_next_sentence_opens_no_case() -> None:
    """``结果……`` before a line with a date: the date is the next sentence's, so the line
    opens no incident (the opener must hold the date itself)."""
    text = _TWO_VICTIMS.replace("近日,我区发生多起冒充军人订餐诈骗。", "他们都选择接单。\n\n结果……")
    cases = _cases_of(text)
    assert [c.victims for c in cases] == [["王先生"], ["赵女士"]]


# a short report of several accidents, each happening on its own day, gives one case each;
# one accident told in two steps (a summary, then the details of the same evening) stays one
_THREE_FIRES = (
    "本月全市共发生火灾52起，直接财产损失80万元。\n"
    "3月2日9时15分许，某镇一家木器厂仓库发生火灾，过火面积300平方米，无人员伤亡。"
    "火灾原因正在调查。\n"
    "3月11日22时许，某村一民房发生火灾，造成1人死亡，火灾原因系电线老化。\n"
    "3月25日6时40分许，某街道一家饭店发生火灾，造成2人受伤。\n"
)
_ONE_CRASH = (
    "1月16日晚，某高速公路发生一起交通事故，造成2人死亡。"
    "16日晚上7时30分左右，一辆轿车行至某路段时，司机以为前方发生了事故，停下车来，"
    "后方一辆大货车刹车不及，接连撞向前方车辆，造成9车连撞。"
)


# a round-up tells each incident in a sentence that opens with its own place and tells harm:
# one case each; a later sentence at a place the case has named goes on with that case
_FLOOD_ROUND_UP = (
    "连日暴雨已在多地造成灾害。\n"
    "山西临汾蒲县一带周二发生山体滑坡,一座办公楼被埋,导致4人遇难、1人受伤。\n"
    "湖南郴州一处景区前晚因暴雨发生泥石流,至少四人轻伤及两人失踪。\n"
    "另外,江西赣州多个县市降暴雨致水浸严重,二十二万人受灾。\n"
)
_ONE_QUAKE = (
    "5日下午,四川汶川县发生5.1级地震,造成3人死亡。\n"
    "汶川县应急管理局表示,地震还造成12人受伤,救援正在进行。\n"
)


# people harmed, counted, tell an incident with no event word (a heat wave, a billboard blown
# down); an incident told after the words of its report (记者…获悉,) opens a case of its own
_HEAT_DEATHS = (
    "据外媒26日报道,近期持续的高温天气已经造成某国至少800人死亡。"
    "同样位于南部的一个邦最高气温在上周末达到48摄氏度,已有200多人死亡。\n"
)
_REPORTED_BLAST = (
    "新华社记者20日从某区应急管理局获悉,1月20日3时38分,某公司生产车间发生粉尘爆炸,"
    "共造成8人死亡、8人轻伤。\n"
    "粉尘爆炸是一种常见的爆炸,具有很强的破坏力。\n"
    "2019年11月8日14时32分许,某市一闲置水泵房发生爆炸,事故造成1人死亡、7人受伤。\n"
    "2019年8月23日10时许,某公司在调试设施过程中发生粉尘燃烧爆炸事故,造成1人死亡。\n"
)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (_THREE_FIRES, 3),
        (_ONE_CRASH, 1),
        (_FLOOD_ROUND_UP, 3),
        (_ONE_QUAKE, 1),
        (_HEAT_DEATHS, 1),
        (_REPORTED_BLAST, 3),
    ],
)
def test_short_article_cases_by_event(text: str, count: int) -> None:
    cases = _cases_of(text)
    assert len(cases) == count


# a fraud stopped in time opens a case (劝阻), and the police's warning after the stories is
# no part of the last one
_TWO_PREVENTED = (
    "3月2日,受害人张某携带20万元现金欲进行线下交易,被警方及时劝阻。\n"
    "3月9日,受害人王某携带8万元现金欲进行线下交易,被警方及时劝阻。\n"
    "警方提醒:对涉及投资理财的线下交易保持高度警惕,避免未经核实身份就支付钱款。\n"
)


def test_prevented_incidents_and_the_warning_after_them() -> None:
    cases = _cases_of(_TWO_PREVENTED)
    assert [c.victims for c in cases] == [["张某"], ["王某"]]
    assert "警方提醒" not in _TWO_PREVENTED[cases[-1].span[0] : cases[-1].span[1]]


# a short round-up of three incidents where one leaves its victim unnamed is three cases
_ROUND_UP = (
    "近日,某县公安局反诈中心获得线索:一位七旬老人正赶往约定地点送“炒股”钱,民警及时劝阻。\n"
    "无独有偶!11月6日,受害人吕某携带25万元现金欲进行线下交易,被警方及时劝阻。\n"
    "11月11日,受害人田某携带10万元现金欲进行线下交易,被警方及时劝阻。\n"
)


def test_a_round_up_with_one_victim_unnamed() -> None:
    cases = _cases_of(_ROUND_UP)
    assert [c.victims for c in cases][1:] == [["吕某"], ["田某"]]
    assert len(cases) == 3


def _cases_of(text: str) -> list:
    """Every case of every article of ``text``."""
    return [c for a in extract_text(text).articles for c in a.cases]


def test_a_count_of_a_measure_names_no_victim() -> None:
    """受灾人数约195万人: the subject names a measure (人数), not who was harmed."""
    from extractor.cases import _harmed

    def count(subject: str, action: str) -> Fact:
        return Fact(
            kind="count",
            span=(0, 1),
            text="x",
            value=Decimal(1),
            unit="人",
            subject=subject,
            action=action,
        )

    assert _harmed([count("受灾人数", "受灾")]) == ()
    assert _harmed([count("受灾群众", "受灾")]) == ("受灾群众",)


_DAY_BY_DAY = (
    "近日,某市公安局水上派出所连续破获3起非法捕捞案,抓获犯罪嫌疑人4名。\n\n"
    "5月2日凌晨3时许,民警在江边巡逻时,将正在使用电网捕鱼的王某抓获,现场查获渔获物5千克。\n\n"
    "5月4日晚10时许,民警接到群众举报,在大桥下将使用地笼捕鱼的赵某、孙某抓获。\n\n"
    "5月6日凌晨1时许,民警在码头附近将正在电鱼的钱某抓获,查获电鱼工具一套。\n"
)


def test_a_summary_lead_then_incidents_day_by_day() -> None:
    """A lead that counts the cases (连续破获3起), then each incident on its own day with its
    own people caught: three cases, the lead none of them."""
    cases = _cases_of(_DAY_BY_DAY)
    assert [c.suspects for c in cases] == [["王某"], ["赵某", "孙某"], ["钱某"]]


def test_one_incident_told_day_by_day_stays_one() -> None:
    """The victim's report on one day and the catch on another are one incident."""
    text = (
        "近日,某区公安分局破获一起电信网络诈骗案,抓获犯罪嫌疑人2名。\n\n"
        "3月1日,市民李某到派出所报警称,被人以投资为名骗走5万元。\n\n"
        "3月9日,民警在外地将犯罪嫌疑人张某、刘某抓获,追回赃款3万元。\n"
    )
    assert len(_cases_of(text)) == 1


def test_a_line_of_dots_starts_no_case() -> None:
    """A WeChat repost's ``……`` line before ``日前`` / ``上海警方成功侦破一起…``: the
    incident starts at the time, the dots are no case of their own (SPEC §5: a case is one
    incident told)."""
    head = (
        "# 警方挖出巨额赃款\n\n团伙演戏骗走 1 个亿\n\n……\n\n日前\n\n上海警方成功侦破一起\n\n"
        "案值高达 1 亿元的特大诈骗案\n\n抓获犯罪嫌疑人 20 余名\n\n"
    )
    text = head + "专案组民警经过缜密侦查，逐步查清了该团伙的组织架构和作案手法。\n\n" * 40
    spans = [c.span for a in extract_text(text).articles for c in a.cases]
    assert [text[s:e][:2] for s, e in spans] == ["日前"]


def test_the_same_amount_again_keeps_its_role() -> None:
    """An amount written again with no verb of its own is the same money (SPEC §5: each
    mention listed, its role by the verb that governs it; here the first mention's)."""
    text = (
        "3月5日,市民李女士接到自称客服的电话,被骗3700元后报警。李女士称,这3700元是她一个月的工资。"
    )
    (case,) = _cases_of(text)
    assert [(a.role, int(a.value)) for a in case.amounts] == [("loss", 3700), ("loss", 3700)]


def test_no_person_is_both_victim_and_suspect() -> None:
    """SPEC §5 gives each person one role in a case: a name the case marks as its suspect
    (``锁定嫌疑人为杏宅社区的居民郭某``, then ``嫌疑人郭某``) is not listed among its victims.
    Checked over every police and court article of corpus/ (an invariant, not an answer)."""
    both = []
    for path in sorted([*(CORPUS / "police").glob("*.txt"), *(CORPUS / "court").glob("*.txt")]):
        document = extract_text(read_corpus(str(path.relative_to(CORPUS))), source=path.name)
        for article in document.articles:
            for case in article.cases:
                if shared := set(case.victims) & set(case.suspects):
                    both.append((path.name, sorted(shared)))
    assert both == []
