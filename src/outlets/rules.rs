//! The identification rules as data: one table of named rules, each with the
//! words an explanation uses for it, the role its signals take, its
//! confidence, where in a page it looks, and its own examples — lines it
//! must fire on and traps it must not take for a producer (tested below on
//! the bundled registry). The rules themselves are in [`super::identify`];
//! which names count is the registry's business.
//!
//! Strongest first (generated from the table: the test
//! `the_doc_table_is_the_rule_table` prints it when they differ):
//!
//! | rule | role | confidence | what it reads |
//! |---|---|---|---|
//! | `capture_url` | publisher | 0.99 | the address the capture states it fetched the page from (a WARC record's target, an MHTML file's `Snapshot-Content-Location`, a browser's `saved from url=` mark): the site that served the page published it, whatever the page says; a copy taken through the Wayback Machine, archive.today, the AMP cache or Google's cache or translation proxy stands for the site it copies: `https://www.aljazeera.com/news/2019/9/26/haftar`, `https://news.example.org/world/2024/01/02/talks`, `https://web.archive.org/web/20240102030405/https://www.aljazeera.com/news/x`, `https://www-aljazeera-com.cdn.ampproject.org/c/s/www.aljazeera.com/amp/news/x`, `https://xn--bcher-kva.example/a` |
//! | `publisher_marker` | publisher | 0.95 | the outlet's own site furniture, from the registry: `Join the GlobalSecurity.org mailing list` |
//! | `html_canonical_url` | publisher | 0.95 | the page's canonical URL (`<link rel=canonical>`, `og:url`, or the `saved from url=` mark): `https://www.aljazeera.com/news/2019/9/26/haftar` |
//! | `html_site_name` | publisher | 0.9 | the page's site name: `Al Jazeera` |
//! | `wire_dateline` | origin | 0.95 (the credit in parentheses or slashes after the place 0.95; several names or a date in the parentheses, or the agency after a dash 0.9; the agency after the place and a comma or bar, or the agency first 0.85; no place: the agency opening the lead with a dash, colon or slash, perhaps with its desk 0.85; a newsroom's name the registry does not hold 0.7) | a dateline crediting a news agency: `МОСКВА, 12 декабря. /ТАСС/. ТАСС публикует кадры с места взрыва.`, `TAIPEI (Taiwan News) — Lai Ching-te won Taiwan's presidential election on Saturday with 40 percent of the vote.`, `TAIPEI, KOMPAS.com – Taiwanese presidential candidate William Lai won the election on Saturday.`, `March 29 (UPI) -- The death toll from the earthquake rose to more than 1,600 people on Saturday.`, `Tehran (IP) - Two blasts went off among the crowd gathered in the southern city of Kerman.`, `Tehran, (UNI) The Islamic State group on Thursday claimed responsibility for twin blasts.`, `बीजिंग (आईएएनएस)\| चीनी राष्ट्रपति शी चिनफिंग ने 3 जून को संवेदना संदेश भेजा।`, `(MENAFN- Nam News Network) TEHRAN, May 20 (NNN-XINHUA) – A helicopter carrying the president made a hard landing.`, `新華社北京9月27日電(記者胡浩)來自53個發展中國家的89名記者27日抵達北京。`, `新华社贝尔格莱德1月28日电据联合国驻波黑维持和平部队发言人说。`, `俄羅斯衛星通訊社莫斯科/南薩哈林斯克1月1日電 俄羅斯緊急情況部薩哈林州總局新聞處發佈消息表示,`, `HELSINKI (AP) — President Donald Trump met Vladimir Putin.`, `MOSCOW, August 5. /TASS/. Talks began in the Kremlin.`, `TEHRAN, Aug. 05 (MNA) – Iran's foreign minister spoke.`, `Amritsar (Punjab), Apr 13 (ANI): Farmers gathered.`, `BEIRUT (UrduPoint News / Sputnik - 07th August, 2020) The blast damaged the port.`, `Tehran, Jan 23, IRNA -- Talks resumed.`, `ANKARA-Anadolu Agency`, `ANKARA/ANTALYA-Anadolu Agency`, `TEHRAN, (MNA) – Iran's foreign minister spoke.`, `Lucknow (Uttar Pradesh) [India], February 5 (ANI): Farmers gathered.`, `Reuters, Beirut, Jan 10 - Talks began.`, `London, June 12 (AFP/APP/DNA):UK Prime Minister Keir Starmer spoke.`, `KYIV, Ukraine, April 13, 2024 (BSS/AFP) - The situation deteriorated.`, `Islamabad, Oct. 8, (dpa/GNA) – A day after several strong earthquakes rattled western Afghanistan, the death toll has risen to 2,053, officials said on Sunday.`, `TOKYO, April 13 Kyodo`, `TOKYO, April 13 Kyodo - Japan's exports rose for a fourth month in March.`, `TOKYO, Dec. 8 Kyodo - An earthquake struck Aomori Prefecture on Monday evening.`, `IRNA – Iran's foreign minister met his Omani counterpart in Muscat on Sunday.`, `Iran Press/Europe: Wagner chief Yevgeny Prigozhin ordered his mercenaries to halt their march on Moscow.`, `Sharjah24 - AFP: Nepali medical workers started handing remains to relatives.`, `Iran PressEurope: Wagner chief Yevgeny Prigozhin ordered his mercenaries to halt their march on Moscow.`, `Shafaq News/ Former Iranian Foreign Minister Mohammad Javad Zarif has blamed sanctions for the crash.`, `Iran Press/ Iran news: The helicopter carrying President Raisi and his accompanying delegation crashed on Sunday.`; not `AFP PHOTO / SPUTNIK / Alexei Druzhinin`, `Hamburg (ots)`, `MUAN (South Jeolla) — Rescuers searched the wreckage on Sunday.`, `WASHINGTON, Breaking News – The Senate passed the bill on Friday.`, `本报墨西哥城1月28日电记者张金江报道:厄瓜多尔和秘鲁军队今天在两国边境地区又发生新的武装冲突。`, `KIMMO BRANDT, EPA-EFE`, `Kremlin – Talks with the Belarusian president went on all night.`, `AFP: Photo shows rescuers searching the rubble of a building.`, `Reuters – Ipsos poll`, `WASHINGTON, Sept 5 Reuters reported that the talks had failed.`, `Fire/ Rescue teams reached the village before dawn on Monday.`, `Press review`, then ``, then `TASS: Moscow and Minsk agreed on a new gas price for next year.`, then ``, then `RIA Novosti: The Kremlin said the talks would resume in the autumn.`, `TEHRAN, Iran — Eight others, including Iranian Foreign Minister Hossein Amirabdollahian, died in the helicopter crash that killed President Ebrahim Raisi, Iranian media reported.`, `BAKU, Azerbaijan, May 20 — Flags flew at half mast on Monday.` |
//! | `source_line` | origin | 0.9 (unregistered name 0.55) | a line naming the source, or a source in parentheses closing a line: `SOURCE: AL JAZEERA AND NEWS AGENCIES`, `SOURCE:AA`, `From: BelTA`, `KAYNAK: Anadolu Ajansı`, `Fuente: EFE`, `Quelle: dpa`, `source – BERNAMA`, `This report is auto-generated from Press Trust of India news service. ThePrint holds no responsibility for its content.`, `Source: https://english.news.cn/20250121/b02237d284354ff0/c.html`, `3/25, 10:44 AM (Source: TeleTrader)`, `Source: Xinhua   Editor: Wang Qingchu`, `Source: Xinhua\| 2018-08-19 01:36:43\|Editor: yan`; not `Source: PRNewsfoto/Quaker Oats`, `Approval rose to 41 percent in March (Source: Reuters/Ipsos poll)`, `Source: Getty Images`, `Source: https://example.org/2025/01/21/story.html`, `Source: A Fox News poll of 1,007 registered U.S. voters conducted July 9-11.`, `Source: Reuters/Ipsos poll`, `Source: U.S. Census Bureau data`, `Sources - two officials close to the talks` |
//! | `agency_byline` | origin | 0.9 (a writer's credit with the agency and the bureau 0.85) | a byline naming a news agency: `By JILL COLVIN and JONATHAN LEMIRE, Associated Press`, `by: Anadolu \| 12.03.2020`, `By Reuters`, `Philippe Ries, Agence France-Presse, Hong Kong`, `Jill Colvin, The Associated Press •`, `By JEREMY DIAMOND, CNN, AP`, `Jari Tanner and Jan M. OlsenAssociated Press`, `Justin Sink, Margaret Talev and Ilya Arkhipov, Bloomberg`, `11:22 - 16/05/24 por Lusa`, `Por Lusa`; not `por causa de Lusa e da AFP, o governo adiou a reunião`, `Jorge Silva / Reuters`, `Kim Jong Un, Reuters reported`, `Putin and Trump met in Helsinki, Reuters`, `Pablo Martinez Monsivais, AP`, `Chris Ratcliffe, Bloomberg`, `Focus Taiwan App`, `By Wednesday afternoon, 80 people injured in the attack, including six children, remained in hospital, TASS news agency quoted Russian Health Minister Mikhail Murashko as saying.` |
//! | `outlet_byline` | origin | 0.85 (a newsroom's name the registry does not hold 0.7) | a byline naming the paper or site its writers work for (a paper's story carried on another's page is that paper's text): `By Philip Rucker, Anton Troianovski and Seung Min Kim The Washington Post`, `By Andrew Higgins New York Times`, `Anton Troianovski and Philip Rucker, The Washington Post`, `Caren Bohan and Deborah Barfield Berry, USA TODAY Published 6:16 p.m. ET July 15, 2018`, `Reporting by Frank Prenesti for Sharecast.com`, `By Jane Doe for The Washington Post`, `08:38, March 25, 2024 By Ren Qi ( China Daily`, `From CNN's Darya Tarasova and Anna Chernova`; not `By Tom Smith, Staff Writer`, `Photo: Jane Doe, The Washington Post`, `By the way, The Washington Post said so.`, `By ROBERT BURNS AP National Security Writer`, `By July 16, 2018 The New York Times`, `Additional reporting by Jane Doe for The Washington Post`, `By Monday the fund had paid for The Washington Post`, `From CNN's Moscow bureau` |
//! | `agency_bureau_line` | origin | 0.85 | a news agency's name with its bureau's city on a line of its own: `Maghreb Arabe Presse (Rabat)` |
//! | `republished_note` | origin | 0.85 (unregistered name 0.7) | the republisher's note on where the text first ran: `This article was first published in Arab News`, `Read the full story on The Quint`, `Guest post from Reuters`, `Read more from The Japan News at https://japannews.yomiuri.co.jp/`, `Read more from The Mainichi at https://mainichi.jp/english/`; not `The study was first published in The Lancet.` |
//! | `credit_line` | publisher, origin | 0.85 (unregistered name 0.7) | a site's credit line, the site then its source: `UrduPoint News / Sputnik`, `SMA News – Agencies`, `Libya Daily News / Reuters`, `(MENAFN- Kuwait News Agency (KUNA)) KUWAIT -- The Amiri Diwan announced the news.`, `(MENAFN- The Peninsula) AFP`, `(MENAFN- Pajhwok Afghan News) KABUL (Pajhwok): The death toll from strong earthquakes that shook western Herat province has risen to 2,025.`, `(MENAFN- Khaama Press)`; not `SPUTNIK/REUTERS`, `REUTERS/Toru Hanai` |
//! | `copyright_line` | origin, publisher | 0.85 (a copyright held by an outlet that is no news agency: the publisher 0.7) | a copyright line: `Copyright 2018 The Associated Press. All rights reserved.`, `© 2018 Thomson/Reuters.`, `© 2019 Al Jazeera Media Network`, `Rescue work went on through the night in the capital.© Thomson Reuters 2022.`; not `© Provided by The Canadian Press`, `© REUTERS / Rodi Said`, `Rescuers search the rubble on Friday. © Reuters` |
//! | `repost_label` | origin | 0.85 | a line naming another outlet on a page whose publisher is known: `Press TV`, then `Join the GlobalSecurity.org mailing list` |
//! | `origin_marker` | origin | 0.8 | the producer's own sign-off or footer, from the registry: `(Reporting by Tom Balmforth; Editing by Mark Heinrich)`, `…the authority said in a statement. (Reporting by Yusri Mohamed Writing by Aidan Lewis)`, `AA News Broadcasting System` |
//! | `issuer_header` | origin | 0.8 | a press release's or statement's header naming the body that issued it (a ministry, office, press service, presidency, embassy …), on a line of its own near the top: the text is that body's own, its primary source publishing itself: `Press release of the Press Service of the President of the Republic of Belarus`, `Statement by the Ministry of Foreign Affairs of Ukraine`, `Press Statement from the Embassy of Japan in Nigeria`, `Statement from the Press Secretary`, `No:438/23, Statement of the Ministry of Foreign Affairs of the Republic of Azerbaijan`, `The press release issued by the Foreign Office on 21 July 2023.`; not `Statement by the family of the missing reporter`, `Statement by Joe Biden`, `Statement by the Ministry of Defence said three drones were downed overnight.`, `A statement from the Ministry of Health said 12 people were injured.`, `Statement by Ambassador Barbara Woodward at the UN Security Council meeting on Ukraine.` |
//! | `agency_line` | origin | 0.8 | a line that is just a news agency's name, or its name and the time its copy ran, its desk or the site running it, or a syndicating site's metadata line (its name, its bureau, when it ran) (any other such line is then the masthead): `AP`, `• AP`, `Reuters India•`, `Reuters`, `>> Reuters`, `Wam`, `PTI, Aug 16, 2021, 5:44 PM IST`, `Xinhua \| Updated: 2021-10-12 09:23`, `The Associated Press \| Monday, July 16, 2018, 9:06 a.m.`, `AFP 28 Mar 2021`, `Anadolu Agency WORLD`, `AFP \|\| Shining BD`, `Reuters \| Cairo \| Updated: 25-03-2021 14:19 IST \| Created: 25-03-2021 14:16 IST`, `Suez Canal suspends traffic while efforts to dislodge ship continueReuters \| Cairo \| Updated: 25-03-2021 14:19 IST`, `Reuters \| Updated: 01-01-2024 14:21 IST \| Created: 01-01-2024 14:17 IST`; not `Today`, `Express, May 4, 2021`, `Reuters 2021 poll`, `Talks with Reuters \| Cairo \| Updated: 25-03-2021`, `World \| Middle East`, `AFP \| Photo \| Video \| Live`, `Reuters \| Photo` |
//! | `agency_writers_line` | origin | 0.75 | the agency's writers' credit: `Associated Press writer Jamey Keaten in Helsinki contributed to this report.`, `Jill Colvin is an Associated Press writer.`; not `The Associated Press contributed to this report.` |
//! | `inputs_credit` | origin | 0.75 | a "with inputs from" credit: `(With inputs from PTI)` |
//! | `html_author` | origin | 0.7 | the page's author metadata (`<meta name="author">`, `itemprop="author"`, `byl`, `dcterms.creator`, JSON-LD `author`, `creator` or `sourceOrganization`) naming a news agency, or another registered outlet than the page's own publisher: a site running a wire's copy often says so only there (Business Standard, the Financial Express); the site's own name there is no credit (content systems fill it in for wire copies too), nor is a person's: `Reuters`, `ANI`, `By The Associated Press`, `Jill Colvin, Associated Press`, `PTI`; not `By Katie Glueck and Shane Goldmacher`, `Express News Service`, `Our Bureau.`, `https://www.facebook.com/reuters` |
//! | `closing_credit` | origin | 0.7 | a news agency's credit in the article's last lines (behind a dash, or in parentheses on a line of its own, any registered newsroom's): `The toll rose to 12, he said.-Bernama`, `The death toll rose to 12 on Sunday, local officials said. (Xinhua)`, `Output rose 4.1 percent last year, the data showed. Xinhua`, `Shipments to the EU surged 28.3 percent to $4.3 billion.Yonhap`, `Chip exports rose by 5.6 per cent for the year. — dpa`, `Two relief centres in Kota Marudu were closed at 10am. ― Bernama`, `Moscow's mayor cancelled all public events planned this weekend in the Russian capital.-Al Jazeera`, `Rescuers found 68 bodies, the aviation authority said. (Xinhua) \|`, `The site of the accident is reportedly near the village of Ozi, in the woods of the northwestern province. / Tasnim`, `The Prime Minister has called a cabinet meeting for Sunday morning. (RSS)`, `El sismo dejó al menos 64 muertos, según las autoridades locales.`, then ``, then `(teleSUR)`; not `Follow our updates by RSS`, `The channel's reporters saw three bodies, he said. (CNN)`, `(Xinhua/Li Ming)`, `Officials met in Paris. (AFP photo)`, `The minister said so in an interview with Reuters` |
//! | `reports_credit` | origin | 0.7 | a news agency credited after a sentence in the present tense ("…, reports AP.", "…, Anadolu Agency reports.", "…, the AP reports.", "…, Kazinform cites Akorda."), as South Asian and Central Asian papers credit a wire, or by a sentence of its own ("This was reported by the Russian news agency Tass."); any newsroom relayed so at the end of the lead ("…, Al Jazeera reports citing the Libyan Red Crescent."): `The official said the toll could rise further, reports AP.`, `Schools will stay closed until Friday, reports Reuters`, `The toll could rise, reports AFP. Rescue teams searched the port overnight.`, `The authority said the quake was centered in Pazarcik district, Anadolu Agency reports.`, `The death toll has grown to 140, the country's Health Minister Mikhail Murashko said, Trend reports via the local media.`, `The death toll in the powerful earthquakes that hit the Noto Peninsula had reached 72 people on Wednesday evening, Paralel.Az reports citing The Japan News`, `The president received the prosecutor general, Kazinform cites Akorda.`, `Raisi was 63, the AP reports. State TV gave no immediate cause for the crash.`, `The death toll in the coastal city has soared to 11,300 as search efforts continue after two dams burst, Al Jazeera reports citing the Libyan Red Crescent.`, `Russian presidential spokesman Dmitry Peskov has called the allegations about the Kremlin's involvement in the crash of the plane carrying Wagner Group leader Yevgeny Prigozhin a "lie," reports TASS`, `The Iranian Red Crescent says all passengers on President Ebrahim Raisi's helicopter are dead. This was reported by the Russian news agency Tass. Search teams found the wreckage.`; not `Rescue teams searched the flooded districts of the city overnight as the waters began to recede on Tuesday.`, then ``, then `The toll rose to 11,300, Al Jazeera reports citing the Libyan Red Crescent.`, `The toll rose to 12, the Central News Agency reported.`, `AFP reports that the talks failed.`, `The toll rose, reports the local council.`, `The minister called it "a lie," reports the local council.`, `The toll rose to 76, the Health Ministry reports.`, `This was reported by the Russian Defence Ministry.`, `This was reported by Reuters journalists at the scene, who counted six bodies.`, `Thousands have marched in Helsinki to denounce both leaders, the Hill reports.`, then ``, then `Russian media has been a lot friendlier to Trump, the AP reports.` |
//! | `agency_self_reference` | origin | 0.65 (its staff only said or reported, not saw 0.5) | the agency writing about its own staff: `AFP saw them recover one body.`, `An AFP journalist at the scene hours after the attack saw black smoke and flames coming from the roof.`, `The tremor lasted about a minute, according to a Reuters witness in Diyarbakir.`, `TASS has collected the main facts about the incident at the moment.`, `The shooter has been detained and identified. Here are the highlights of the incident that TASS has put together.`, `THIS IS A BREAKING NEWS UPDATE. AP’s earlier story follows below.`, `A Sputnik correspondent reported that gunmen in camouflage broke into the hall.`, `Lukashenko sent greetings to the conference, BelTA learned from the press service of the head of state.`, `Reuters could not immediately verify the images.`, `Reuters was not immediately able to verify that footage.`, `Reuters has not authenticated the videos or confirmed a death toll.`, `Local media reported dozens dead, which AFP was unable to immediately verify.`, `Militias detained far more civilians than officials have acknowledged, Reuters has found.`, `BelTA has learned that the talks will resume on Monday.`, `Xinhua reporters in Taipei said the streets were quiet.`; not `The gunmen began shooting point blank, reports a Sputnik correspondent from the scene.`, `The toll may rise, said a statement reported by Sputnik. A Sputnik correspondent saw the fire.`, `A TASS correspondent said the streets were empty. An AFP journalist saw black smoke. A RIA Novosti photographer counted six fire engines.`, `Reuters journalists Maria Vasquez and Tom Brennan wrote on Monday that the summit mattered.` |
//! | `person_credit` | origin | 0.6 | a person's credit line (a person is no publisher): `Geoff Mulvihill \| Associated Press`, `Marcellus Stein – AP`; not `Photo: Pablo Martinez Monsivais / Associated Press`, `Jorge Silva/Reuters` |
//! | `source_label` | origin | 0.6 | a line that is just an outlet's name, near the top or bottom: `CNN`; not `Today` |
//! | `masthead_line` | publisher | 0.6 | a line that is just an outlet's name beside an agency line: `The Boston Globe`, then `AP` |
//! | `in_text_mention` | mention | 0.3 | an outlet named in the body (used only to resolve "agencies"): `A French official told Reuters the talks failed.` |
//! | `lead_relay` | relayed | 0.5 | a newsroom whose report the story's first two paragraphs say they retell ("…, Xinhua news agency reported." or "…, the official Xinhua News Agency said." closing a sentence, "TASS reported on Thursday that …" or "CNN is also reporting that …" opening a clause, "The official Xinhua News Agency said …" opening a sentence with the newsroom called one, "…, reports Interfax news agency citing …", "according to Reuters", "citing local broadcaster YTN", "quoted by", "a report by", "This was reported by the newspaper Kommersant."), registered or named after the words calling it a newsroom ("local newspaper Osun Defender reported"): never the producer, but in a claim that newsroom stands behind too, the document counts as one origin with it: `The major quake registered an intensity of 7 on the Japanese seismic intensity scale, according to the weather agency, Xinhua news agency reported.`, `Russia's Investigative Committee announced on Sunday that genetic tests had confirmed the identities of the ten people who died, Reuters reported.`, `Russian news agency TASS reported on Thursday that the aircraft had been in the air for less than half an hour before it crashed.`, `Ten people were on board the private jet that crashed north of Moscow on Wednesday evening, according to Russia's TASS news agency.`, `The death toll in the coastal city rose to 11,300 on Thursday, the Associated Press reported, citing the Libyan Red Crescent.`, `Torrential rains triggered floods and landslides that toppled homes and destroyed river embankments in Hubei province, killing 22 people and leaving five others missing, the Xinhua News Agency said.`, `There has been an explosion at a bus station in western Moscow on Tuesday evening, reports Interfax news agency citing a police source. Nobody has been injured in the blast.`, `Former Japanese Prime Minister Shinzo Abe has died after being attacked, NHK reported.`, `As many as eight bodies have been found at the site where the private jet crashed, according to Russian news agency RIA.`, `The Defense Ministry is looking to deploy its ground-launched Type-12 standoff missiles mainly to its far-flung southwestern islands and the Kyushu region, the Yomiuri daily reported, citing unidentified government sources.`, `The Chinese People's Liberation Army (PLA) Navy recently commissioned its second 10,000 ton-class Type 055 large destroyer, state broadcaster China Central Television (CCTV) revealed on Sunday.`, `Two border guards were killed in a clash with smugglers near the Pakistani border overnight, the semi-official Fars and Tasnim news agencies reported.`, `Scores of people were killed by Boko Haram in two northern Nigerian villages, local newspaper Osun Defender reported on Sunday.`, `The official Xinhua News Agency said 16 workers were inside the shaft when water gushed into the mine in Jinta, a county in Gansu province Sunday morning.`, `At the same time, CNN is also reporting that it has obtained evidence that the US government spied on Der Spiegel.`, `The Rostov Region Office of Immigration of the Russian Interior Ministry extended the temporary asylum of former Ukrainian President Viktor Yanukovych until October 26, 2018. This was reported by the newspaper Kommersant.`, `The American clothing and footwear manufacturer Nike has not renewed its franchise agreement with Inventive Retail Group (IRG), Vedomosti reports , citing a letter from IRG President Tikhon Smykov to company employees.`; not `The foreign minister told Reuters on Monday that the talks would resume after the holiday in the capital.`, `The death toll rose to 76 on Monday, the country's health ministry reported, as rescuers searched collapsed buildings.`, `The talks failed in 2019, as Reuters reported at the time, and resumed only this spring after a change of government.`, `According to the weather agency, the tremor was felt in several regions of the country on Monday afternoon.`, `Officials said the toll could rise further as rescuers reach remote villages, according to a Reuters tally of official figures.`, `The agency's chief said the figures would be revised, a Reuters spokesperson said on Monday, declining to comment further.`, `Two border guards were killed in a clash near the Pakistani border overnight, the interior ministry and local news agencies reported.`, `The launch was delayed by a day because of high winds, the space agency NASA said on Monday.`, `The talks will resume next month, newspaper Editor John Smith said, citing officials close to the negotiations.`, `Reuters said on Monday it would cut 200 jobs in its newsroom as it moves more of its editing to Singapore.`, `The outbreak was first reported by residents of the village on Sunday, and health workers arrived two days later.` |
//! | `credit_line_agencies` | origin | — | a credit to news agencies without a name, or a site's note that it ran the text unedited from a feed (then the one agency the text names, if only one; never the site's own text): `Libya Update – Agencies`, `(With inputs from agencies)`, `(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)` |
//! | `source_line_agencies` | origin | — | a source line naming only unnamed agencies: `Source: agencies` |
//! | `photo_credit` | photo credit | — | a picture's credit: never evidence of who wrote the text: `Officials met in Paris. (AFP photo)`, `[Jane Doe/Getty Images/AFP]`, `Credit: Associated Press`, `Foto: Sina Schuldt/dpa`, `(Xinhua/Li Ming)`, `© REUTERS / Rodi Said`, `© NATALIA KOLESNIKOVA / AFP`, `At least 143 fatalities have been confirmed from the shooting at the concert hall on Friday. © AFP`, `Jorge Silva/Reuters` |
//! | `manual` | publisher, origin | 1 | set by the reviewer (`provaudit outlet`), not read from the text |
//! | `text_reuse` | origin | 0.8 | an uncredited copy inherits the producer of the text it shares passages with (the claims stage; the confidence is at most this, scaled by the share) |

use super::identify::Role;
use serde::{Serialize, Serializer};
use std::fmt;

/// A named identification rule. Its stored and serialised form is
/// [`Rule::name`], the snake_case name stores and JSON output have always
/// used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    CaptureUrl,
    PublisherMarker,
    HtmlCanonicalUrl,
    HtmlSiteName,
    WireDateline,
    SourceLine,
    AgencyByline,
    OutletByline,
    AgencyBureauLine,
    RepublishedNote,
    CreditLine,
    CopyrightLine,
    RepostLabel,
    OriginMarker,
    IssuerHeader,
    AgencyLine,
    AgencyWritersLine,
    InputsCredit,
    HtmlAuthor,
    ClosingCredit,
    ReportsCredit,
    AgencySelfReference,
    PersonCredit,
    SourceLabel,
    MastheadLine,
    InTextMention,
    LeadRelay,
    CreditLineAgencies,
    SourceLineAgencies,
    PhotoCredit,
    Manual,
    TextReuse,
}

/// Where in a saved page a rule looks: how its examples are set in an
/// article to be tested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A line near the top, under the headline.
    Top,
    /// The article's last lines.
    End,
    /// Any line.
    Anywhere,
    /// The address the page was captured from (the capture's metadata).
    CaptureUrl,
    /// The page's canonical URL (HTML metadata).
    CanonicalUrl,
    /// The page's site name (HTML metadata).
    SiteName,
    /// The page's author metadata (`<meta name="author">`, JSON-LD).
    PageAuthor,
    /// Not read from the document.
    Outside,
}

/// A line a rule must fire on, and the name its signal must give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The line as published (several lines when the rule needs them).
    pub text: &'static str,
    /// The outlet's registered name, or the name as written.
    pub name: &'static str,
}

/// `ex!(text, name)`: an [`Example`] (a literal, so the table is static).
macro_rules! ex {
    ($text:expr, $name:expr $(,)?) => {
        Example {
            text: $text,
            name: $name,
        }
    };
}

/// A confidence other than a rule's main one, and when it applies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Form {
    pub confidence: f32,
    /// In plain words.
    pub when: &'static str,
}

/// Everything known about one rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RuleInfo {
    pub name: &'static str,
    /// The rule in the words of an explanation ("wire dateline ‘…’, line 3").
    pub description: &'static str,
    /// What the rule reads, for the documentation.
    pub reads: &'static str,
    /// The roles its signals take, the usual one first.
    pub roles: &'static [Role],
    /// The confidence of its signals (of its main form; 0 for signals that
    /// are never evidence of a producer on their own).
    pub confidence: f32,
    /// The confidences of its other forms.
    pub forms: &'static [Form],
    pub place: Place,
    /// Lines it fires on.
    pub examples: &'static [Example],
    /// Lines it must not take for a producer's credit.
    pub traps: &'static [&'static str],
}

/// `wire_dateline`: the credit in parentheses or slashes right after the
/// place (`HELSINKI (AP) —`, `MOSCOW, August 5. /TASS/.`).
pub const DATELINE_CREDIT: Form = Form {
    confidence: 0.95,
    when: "the credit in parentheses or slashes after the place",
};
/// `wire_dateline`: parentheses holding several names or a date
/// (`BEIRUT (UrduPoint News / Sputnik - 07th August, 2020)`), or the agency
/// after a dash (`ANKARA-Anadolu Agency`).
pub const DATELINE_PAREN_OR_DASH: Form = Form {
    confidence: 0.9,
    when: "several names or a date in the parentheses, or the agency after a dash",
};
/// `wire_dateline`: the agency after the place and a comma or bar
/// (`Tehran, Jan 23, IRNA --`), or first (`Reuters, Beirut,`).
pub const DATELINE_BARE: Form = Form {
    confidence: 0.85,
    when: "the agency after the place and a comma or bar, or the agency first",
};
/// `wire_dateline`: no place, the agency opening the lead and set off by a
/// dash or colon, perhaps with its desk (`IRNA – `, `Iran Press/Europe:`),
/// near the top.
pub const DATELINE_AGENCY_LEAD: Form = Form {
    confidence: 0.85,
    when: "no place: the agency opening the lead with a dash, colon or slash, perhaps with its desk",
};
/// `agency_byline`: `Philippe Ries, Agence France-Presse, Hong Kong`.
pub const BYLINE_WITH_BUREAU: Form = Form {
    confidence: 0.85,
    when: "a writer's credit with the agency and the bureau",
};
/// `source_line` naming an outlet the registry does not know: as often a
/// picture agency or a content farm's filler as a producer.
pub const SOURCE_LINE_UNREGISTERED: Form = Form {
    confidence: 0.55,
    when: "unregistered name",
};
/// `credit_line` naming as its source an outlet the registry does not know
/// (`(MENAFN- Pajhwok Afghan News)`): the aggregator names who it ran.
pub const CREDIT_LINE_UNREGISTERED: Form = Form {
    confidence: 0.7,
    when: "unregistered name",
};
/// `wire_dateline` crediting, in its parentheses, a newsroom the registry
/// does not know by a name that calls it one (`TAIPEI (Taiwan News) —`).
pub const DATELINE_UNREGISTERED: Form = Form {
    confidence: 0.7,
    when: "a newsroom's name the registry does not hold",
};
/// `outlet_byline` crediting the writers' work to an outlet the registry
/// does not know, by a name that calls it a newsroom (`Reporting by Frank
/// Prenesti for Sharecast.com`).
pub const BYLINE_FOR_UNREGISTERED: Form = Form {
    confidence: 0.7,
    when: "a newsroom's name the registry does not hold",
};
/// `republished_note` naming an outlet the registry does not know.
pub const REPUBLISHED_NOTE_UNREGISTERED: Form = Form {
    confidence: 0.7,
    when: "unregistered name",
};
/// `agency_self_reference` where the staff are only said to have spoken
/// or reported (`A Sputnik correspondent reported that…`): as often another
/// outlet quoting the agency's reporter as the agency writing of its own.
pub const SELF_REFERENCE_TOLD: Form = Form {
    confidence: 0.5,
    when: "its staff only said or reported, not saw",
};
/// `copyright_line` held by an outlet that is no news agency: its publisher.
pub const COPYRIGHT_PUBLISHER: Form = Form {
    confidence: 0.7,
    when: "a copyright held by an outlet that is no news agency: the publisher",
};

impl Rule {
    /// Every rule, strongest first.
    pub const ALL: [Rule; 32] = [
        Rule::CaptureUrl,
        Rule::PublisherMarker,
        Rule::HtmlCanonicalUrl,
        Rule::HtmlSiteName,
        Rule::WireDateline,
        Rule::SourceLine,
        Rule::AgencyByline,
        Rule::OutletByline,
        Rule::AgencyBureauLine,
        Rule::RepublishedNote,
        Rule::CreditLine,
        Rule::CopyrightLine,
        Rule::RepostLabel,
        Rule::OriginMarker,
        Rule::IssuerHeader,
        Rule::AgencyLine,
        Rule::AgencyWritersLine,
        Rule::InputsCredit,
        Rule::HtmlAuthor,
        Rule::ClosingCredit,
        Rule::ReportsCredit,
        Rule::AgencySelfReference,
        Rule::PersonCredit,
        Rule::SourceLabel,
        Rule::MastheadLine,
        Rule::InTextMention,
        Rule::LeadRelay,
        Rule::CreditLineAgencies,
        Rule::SourceLineAgencies,
        Rule::PhotoCredit,
        Rule::Manual,
        Rule::TextReuse,
    ];

    /// The table.
    pub fn info(self) -> &'static RuleInfo {
        use Role::{Mention, Origin, PhotoCredit, Publisher, Relayed};
        match self {
            Rule::PublisherMarker => &RuleInfo {
                name: "publisher_marker",
                description: "site furniture",
                reads: "the outlet's own site furniture, from the registry",
                roles: &[Publisher],
                confidence: 0.95,
                forms: &[],
                place: Place::Anywhere,
                examples: &[ex!(
                    "Join the GlobalSecurity.org mailing list",
                    "GlobalSecurity.org",
                )],
                traps: &[],
            },
            Rule::CaptureUrl => &RuleInfo {
                name: "capture_url",
                description: "the address the page was captured from",
                reads: "the address the capture states it fetched the page from (a WARC record's target, an MHTML file's `Snapshot-Content-Location`, a browser's `saved from url=` mark): the site that served the page published it, whatever the page says; a copy taken through the Wayback Machine, archive.today, the AMP cache or Google's cache or translation proxy stands for the site it copies",
                roles: &[Publisher],
                confidence: 0.99,
                forms: &[],
                place: Place::CaptureUrl,
                examples: &[
                    ex!(
                        "https://www.aljazeera.com/news/2019/9/26/haftar",
                        "Al Jazeera"
                    ),
                    ex!(
                        "https://news.example.org/world/2024/01/02/talks",
                        "news.example.org"
                    ),
                    ex!(
                        "https://web.archive.org/web/20240102030405/https://www.aljazeera.com/news/x",
                        "Al Jazeera"
                    ),
                    ex!(
                        "https://www-aljazeera-com.cdn.ampproject.org/c/s/www.aljazeera.com/amp/news/x",
                        "Al Jazeera"
                    ),
                    ex!("https://xn--bcher-kva.example/a", "bücher.example"),
                ],
                traps: &[],
            },
            Rule::HtmlCanonicalUrl => &RuleInfo {
                name: "html_canonical_url",
                description: "the page's canonical URL, or the address a browser saved it from",
                reads: "the page's canonical URL (`<link rel=canonical>`, `og:url`, or the `saved from url=` mark)",
                roles: &[Publisher],
                confidence: 0.95,
                forms: &[],
                place: Place::CanonicalUrl,
                examples: &[ex!(
                    "https://www.aljazeera.com/news/2019/9/26/haftar",
                    "Al Jazeera",
                )],
                traps: &[],
            },
            Rule::HtmlSiteName => &RuleInfo {
                name: "html_site_name",
                description: "the page's site name",
                reads: "the page's site name",
                roles: &[Publisher],
                confidence: 0.9,
                forms: &[],
                place: Place::SiteName,
                examples: &[ex!("Al Jazeera", "Al Jazeera")],
                traps: &[],
            },
            Rule::HtmlAuthor => &RuleInfo {
                name: "html_author",
                description: "the page's author metadata",
                reads: "the page's author metadata (`<meta name=\"author\">`, `itemprop=\"author\"`, `byl`, `dcterms.creator`, JSON-LD `author`, `creator` or `sourceOrganization`) naming a news agency, or another registered outlet than the page's own publisher: a site running a wire's copy often says so only there (Business Standard, the Financial Express); the site's own name there is no credit (content systems fill it in for wire copies too), nor is a person's",
                roles: &[Origin],
                confidence: 0.7,
                forms: &[],
                place: Place::PageAuthor,
                examples: &[
                    ex!("Reuters", "Reuters"),
                    ex!("ANI", "Asian News International"),
                    ex!("By The Associated Press", "Associated Press"),
                    ex!("Jill Colvin, Associated Press", "Associated Press"),
                    ex!("PTI", "Press Trust of India"),
                ],
                traps: &[
                    "By Katie Glueck and Shane Goldmacher",
                    "Express News Service",
                    "Our Bureau.",
                    "https://www.facebook.com/reuters",
                ],
            },
            Rule::WireDateline => &RuleInfo {
                name: "wire_dateline",
                description: "wire dateline",
                reads: "a dateline crediting a news agency",
                roles: &[Origin],
                confidence: DATELINE_CREDIT.confidence,
                forms: &[
                    DATELINE_CREDIT,
                    DATELINE_PAREN_OR_DASH,
                    DATELINE_BARE,
                    DATELINE_AGENCY_LEAD,
                    DATELINE_UNREGISTERED,
                ],
                place: Place::Top,
                examples: &[
                    ex!(
                        "МОСКВА, 12 декабря. /ТАСС/. ТАСС публикует кадры с места взрыва.",
                        "TASS",
                    ),
                    // Newsrooms the registry does not hold, by the names
                    // they give themselves (held out, stop 61).
                    ex!(
                        "TAIPEI (Taiwan News) — Lai Ching-te won Taiwan's presidential election on Saturday with 40 percent of the vote.",
                        "Taiwan News",
                    ),
                    ex!(
                        "TAIPEI, KOMPAS.com – Taiwanese presidential candidate William Lai won the election on Saturday.",
                        "KOMPAS.com",
                    ),
                    // A day and no place, as UPI dates its copy; an
                    // agency's initials, as Iran Press and United News of
                    // India sign theirs (held out, stop 64).
                    ex!(
                        "March 29 (UPI) -- The death toll from the earthquake rose to more than 1,600 people on Saturday.",
                        "United Press International",
                    ),
                    ex!(
                        "Tehran (IP) - Two blasts went off among the crowd gathered in the southern city of Kerman.",
                        "Iran Press",
                    ),
                    ex!(
                        "Tehran, (UNI) The Islamic State group on Thursday claimed responsibility for twin blasts.",
                        "United News of India",
                    ),
                    // A Hindi page's dateline: the place and the agency in
                    // Devanagari, a bar after (IANS on the Odisha train
                    // crash, 2023).
                    ex!(
                        "बीजिंग (आईएएनएस)| चीनी राष्ट्रपति शी चिनफिंग ने 3 जून को संवेदना संदेश भेजा।",
                        "Indo-Asian News Service",
                    ),
                    // After an aggregator's credit, its source's dateline
                    // (held out, stop 62).
                    ex!(
                        "(MENAFN- Nam News Network) TEHRAN, May 20 (NNN-XINHUA) – A helicopter carrying the president made a hard landing.",
                        "Xinhua News Agency",
                    ),
                    // Chinese-language datelines: the agency, the city, the
                    // day and 电/電 (gov.cn, 2009; People's Daily, 1995).
                    ex!(
                        "新華社北京9月27日電(記者胡浩)來自53個發展中國家的89名記者27日抵達北京。",
                        "Xinhua News Agency",
                    ),
                    ex!(
                        "新华社贝尔格莱德1月28日电据联合国驻波黑维持和平部队发言人说。",
                        "Xinhua News Agency",
                    ),
                    ex!(
                        "俄羅斯衛星通訊社莫斯科/南薩哈林斯克1月1日電 俄羅斯緊急情況部薩哈林州總局新聞處發佈消息表示,",
                        "Sputnik",
                    ),
                    ex!(
                        "HELSINKI (AP) — President Donald Trump met Vladimir Putin.",
                        "Associated Press",
                    ),
                    ex!(
                        "MOSCOW, August 5. /TASS/. Talks began in the Kremlin.",
                        "TASS",
                    ),
                    ex!(
                        "TEHRAN, Aug. 05 (MNA) – Iran's foreign minister spoke.",
                        "Mehr News Agency",
                    ),
                    ex!(
                        "Amritsar (Punjab), Apr 13 (ANI): Farmers gathered.",
                        "Asian News International",
                    ),
                    ex!(
                        "BEIRUT (UrduPoint News / Sputnik - 07th August, 2020) The blast damaged the port.",
                        "Sputnik",
                    ),
                    ex!(
                        "Tehran, Jan 23, IRNA -- Talks resumed.",
                        "Islamic Republic News Agency",
                    ),
                    ex!("ANKARA-Anadolu Agency", "Anadolu Agency"),
                    ex!("ANKARA/ANTALYA-Anadolu Agency", "Anadolu Agency"),
                    ex!(
                        "TEHRAN, (MNA) – Iran's foreign minister spoke.",
                        "Mehr News Agency"
                    ),
                    ex!(
                        "Lucknow (Uttar Pradesh) [India], February 5 (ANI): Farmers gathered.",
                        "Asian News International",
                    ),
                    ex!("Reuters, Beirut, Jan 10 - Talks began.", "Reuters"),
                    ex!(
                        "London, June 12 (AFP/APP/DNA):UK Prime Minister Keir Starmer spoke.",
                        "Agence France-Presse",
                    ),
                    ex!(
                        "KYIV, Ukraine, April 13, 2024 (BSS/AFP) - The situation deteriorated.",
                        "Agence France-Presse",
                    ),
                    // (Ghana News Agency, 2023: dpa's story, GNA relaying it.)
                    ex!(
                        "Islamabad, Oct. 8, (dpa/GNA) – A day after several strong earthquakes rattled western Afghanistan, the death toll has risen to 2,053, officials said on Sunday.",
                        "Deutsche Presse-Agentur",
                    ),
                    ex!("TOKYO, April 13 Kyodo", "Kyodo News"),
                    ex!(
                        "TOKYO, April 13 Kyodo - Japan's exports rose for a fourth month in March.",
                        "Kyodo News",
                    ),
                    ex!(
                        "TOKYO, Dec. 8 Kyodo - An earthquake struck Aomori Prefecture on Monday evening.",
                        "Kyodo News",
                    ),
                    ex!(
                        "IRNA – Iran's foreign minister met his Omani counterpart in Muscat on Sunday.",
                        "Islamic Republic News Agency",
                    ),
                    ex!(
                        "Iran Press/Europe: Wagner chief Yevgeny Prigozhin ordered his mercenaries to halt their march on Moscow.",
                        "Iran Press",
                    ),
                    // After the publishing site's own name (Sharjah24,
                    // 2023, on the Pokhara air crash).
                    ex!(
                        "Sharjah24 - AFP: Nepali medical workers started handing remains to relatives.",
                        "Agence France-Presse",
                    ),
                    // Saved from a page that set the desk apart: the name
                    // glued to it.
                    ex!(
                        "Iran PressEurope: Wagner chief Yevgeny Prigozhin ordered his mercenaries to halt their march on Moscow.",
                        "Iran Press",
                    ),
                    // Set off by a slash (Shafaq News, 2024, on the crash
                    // of the Iranian president's helicopter).
                    ex!(
                        "Shafaq News/ Former Iranian Foreign Minister Mohammad Javad Zarif has blamed sanctions for the crash.",
                        "Shafaq News",
                    ),
                    // Its desk after a slash and a space (Iran Press, 2024,
                    // on the same crash): not the daily *Iran*.
                    ex!(
                        "Iran Press/ Iran news: The helicopter carrying President Raisi and his accompanying delegation crashed on Sunday.",
                        "Iran Press",
                    ),
                ],
                traps: &[
                    "AFP PHOTO / SPUTNIK / Alexei Druzhinin",
                    "Hamburg (ots)",
                    "MUAN (South Jeolla) — Rescuers searched the wreckage on Sunday.",
                    "WASHINGTON, Breaking News – The Senate passed the bill on Friday.",
                    "本报墨西哥城1月28日电记者张金江报道:厄瓜多尔和秘鲁军队今天在两国边境地区又发生新的武装冲突。",
                    "KIMMO BRANDT, EPA-EFE",
                    "Kremlin – Talks with the Belarusian president went on all night.",
                    "AFP: Photo shows rescuers searching the rubble of a building.",
                    "Reuters – Ipsos poll",
                    "WASHINGTON, Sept 5 Reuters reported that the talks had failed.",
                    "Fire/ Rescue teams reached the village before dawn on Monday.",
                    "Press review\n\nTASS: Moscow and Minsk agreed on a new gas price for next year.\n\nRIA Novosti: The Kremlin said the talks would resume in the autumn.",
                    // A dateline's country is a place, though Iran and
                    // Azerbaijan have dailies of that name (Amu TV, 2024).
                    "TEHRAN, Iran — Eight others, including Iranian Foreign Minister Hossein Amirabdollahian, died in the helicopter crash that killed President Ebrahim Raisi, Iranian media reported.",
                    "BAKU, Azerbaijan, May 20 — Flags flew at half mast on Monday.",
                ],
            },
            Rule::SourceLine => &RuleInfo {
                name: "source_line",
                description: "source line",
                reads: "a line naming the source, or a source in parentheses closing a line",
                roles: &[Origin],
                confidence: 0.9,
                forms: &[SOURCE_LINE_UNREGISTERED],
                place: Place::End,
                examples: &[
                    ex!("SOURCE: AL JAZEERA AND NEWS AGENCIES", "Al Jazeera"),
                    ex!("SOURCE:AA", "Anadolu Agency"),
                    ex!("From: BelTA", "Belarusian Telegraph Agency"),
                    ex!("KAYNAK: Anadolu Ajansı", "Anadolu Agency"),
                    ex!("Fuente: EFE", "Agencia EFE"),
                    ex!("Quelle: dpa", "Deutsche Presse-Agentur"),
                    ex!("source – BERNAMA", "Bernama"),
                    ex!(
                        "This report is auto-generated from Press Trust of India news service. ThePrint holds no responsibility for its content.",
                        "Press Trust of India",
                    ),
                    ex!(
                        "Source: https://english.news.cn/20250121/b02237d284354ff0/c.html",
                        "Xinhua News Agency",
                    ),
                    ex!("3/25, 10:44 AM (Source: TeleTrader)", "TeleTrader"),
                    ex!(
                        "Source: Xinhua   Editor: Wang Qingchu",
                        "Xinhua News Agency"
                    ),
                    ex!(
                        "Source: Xinhua| 2018-08-19 01:36:43|Editor: yan",
                        "Xinhua News Agency"
                    ),
                ],
                traps: &[
                    "Source: PRNewsfoto/Quaker Oats",
                    "Approval rose to 41 percent in March (Source: Reuters/Ipsos poll)",
                    "Source: Getty Images",
                    "Source: https://example.org/2025/01/21/story.html",
                    "Source: A Fox News poll of 1,007 registered U.S. voters conducted July 9-11.",
                    "Source: Reuters/Ipsos poll",
                    "Source: U.S. Census Bureau data",
                    "Sources - two officials close to the talks",
                ],
            },
            Rule::AgencyByline => &RuleInfo {
                name: "agency_byline",
                description: "agency byline",
                reads: "a byline naming a news agency",
                roles: &[Origin],
                confidence: 0.9,
                forms: &[BYLINE_WITH_BUREAU],
                place: Place::Top,
                examples: &[
                    ex!(
                        "By JILL COLVIN and JONATHAN LEMIRE, Associated Press",
                        "Associated Press",
                    ),
                    ex!("by: Anadolu | 12.03.2020", "Anadolu Agency"),
                    ex!("By Reuters", "Reuters"),
                    ex!(
                        "Philippe Ries, Agence France-Presse, Hong Kong",
                        "Agence France-Presse",
                    ),
                    ex!("Jill Colvin, The Associated Press •", "Associated Press"),
                    ex!("By JEREMY DIAMOND, CNN, AP", "Associated Press"),
                    ex!(
                        "Jari Tanner and Jan M. OlsenAssociated Press",
                        "Associated Press",
                    ),
                    ex!(
                        "Justin Sink, Margaret Talev and Ilya Arkhipov, Bloomberg",
                        "Bloomberg News",
                    ),
                    // Portuguese, after the page's time and date (Notícias
                    // ao Minuto, Fico shooting, 2024).
                    ex!("11:22 - 16/05/24 por Lusa", "Lusa"),
                    ex!("Por Lusa", "Lusa"),
                ],
                traps: &[
                    "por causa de Lusa e da AFP, o governo adiou a reunião",
                    "Jorge Silva / Reuters",
                    "Kim Jong Un, Reuters reported",
                    "Putin and Trump met in Helsinki, Reuters",
                    "Pablo Martinez Monsivais, AP",
                    "Chris Ratcliffe, Bloomberg",
                    "Focus Taiwan App",
                    "By Wednesday afternoon, 80 people injured in the attack, including six children, remained in hospital, TASS news agency quoted Russian Health Minister Mikhail Murashko as saying.",
                ],
            },
            Rule::OutletByline => &RuleInfo {
                name: "outlet_byline",
                description: "byline naming the writers' paper",
                reads: "a byline naming the paper or site its writers work for (a paper's story carried on another's page is that paper's text)",
                roles: &[Origin],
                confidence: 0.85,
                forms: &[BYLINE_FOR_UNREGISTERED],
                place: Place::Top,
                examples: &[
                    ex!(
                        "By Philip Rucker, Anton Troianovski and Seung Min Kim The Washington Post",
                        "The Washington Post",
                    ),
                    ex!("By Andrew Higgins New York Times", "The New York Times"),
                    ex!(
                        "Anton Troianovski and Philip Rucker, The Washington Post",
                        "The Washington Post",
                    ),
                    ex!(
                        "Caren Bohan and Deborah Barfield Berry, USA TODAY Published 6:16 p.m. ET July 15, 2018",
                        "USA Today",
                    ),
                    // The outlet the writers wrote for (held out, stop 61).
                    ex!(
                        "Reporting by Frank Prenesti for Sharecast.com",
                        "Sharecast.com",
                    ),
                    ex!("By Jane Doe for The Washington Post", "The Washington Post"),
                    // A page's time before the byline, the paper in
                    // parentheses; a live page's post by its outlet's
                    // writers (held out, stop 62).
                    ex!(
                        "08:38, March 25, 2024 By Ren Qi ( China Daily",
                        "China Daily"
                    ),
                    ex!("From CNN's Darya Tarasova and Anna Chernova", "CNN"),
                ],
                traps: &[
                    "By Tom Smith, Staff Writer",
                    "Photo: Jane Doe, The Washington Post",
                    "By the way, The Washington Post said so.",
                    "By ROBERT BURNS AP National Security Writer",
                    "By July 16, 2018 The New York Times",
                    "Additional reporting by Jane Doe for The Washington Post",
                    "By Monday the fund had paid for The Washington Post",
                    "From CNN's Moscow bureau",
                ],
            },
            Rule::AgencyBureauLine => &RuleInfo {
                name: "agency_bureau_line",
                description: "agency and bureau line",
                reads: "a news agency's name with its bureau's city on a line of its own",
                roles: &[Origin],
                confidence: 0.85,
                forms: &[],
                place: Place::Top,
                examples: &[ex!("Maghreb Arabe Presse (Rabat)", "Maghreb Arabe Presse")],
                traps: &[],
            },
            Rule::RepublishedNote => &RuleInfo {
                name: "republished_note",
                description: "the republisher's note on where the text first ran",
                reads: "the republisher's note on where the text first ran",
                roles: &[Origin],
                confidence: 0.85,
                forms: &[REPUBLISHED_NOTE_UNREGISTERED],
                place: Place::End,
                examples: &[
                    ex!("This article was first published in Arab News", "Arab News"),
                    ex!("Read the full story on The Quint", "The Quint"),
                    ex!("Guest post from Reuters", "Reuters"),
                    // The Yomiuri's English daily, by the name it runs under.
                    ex!(
                        "Read more from The Japan News at https://japannews.yomiuri.co.jp/",
                        "The Yomiuri Shimbun",
                    ),
                    // A paper the registry does not know, by its name as written.
                    ex!(
                        "Read more from The Mainichi at https://mainichi.jp/english/",
                        "The Mainichi",
                    ),
                ],
                traps: &["The study was first published in The Lancet."],
            },
            Rule::CreditLine => &RuleInfo {
                name: "credit_line",
                description: "credit line",
                reads: "a site's credit line, the site then its source",
                roles: &[Publisher, Origin],
                confidence: 0.85,
                forms: &[CREDIT_LINE_UNREGISTERED],
                place: Place::Top,
                examples: &[
                    ex!("UrduPoint News / Sputnik", "UrduPoint News"),
                    ex!("UrduPoint News / Sputnik", "Sputnik"),
                    ex!("SMA News – Agencies", "SMA News"),
                    ex!("Libya Daily News / Reuters", "Reuters"),
                    ex!(
                        "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT -- The Amiri Diwan announced the news.",
                        "Kuwait News Agency",
                    ),
                    // The aggregator's source running a wire's copy
                    // (MENAFN from The Peninsula, 2024, on the Raisi crash).
                    ex!("(MENAFN- The Peninsula) AFP", "Agence France-Presse"),
                    // Sources the registry does not hold, by their names as
                    // written (MENAFN, Herat earthquakes, 2023).
                    ex!(
                        "(MENAFN- Pajhwok Afghan News) KABUL (Pajhwok): The death toll from strong earthquakes that shook western Herat province has risen to 2,025.",
                        "Pajhwok Afghan News",
                    ),
                    ex!("(MENAFN- Khaama Press)", "Khaama Press"),
                ],
                traps: &["SPUTNIK/REUTERS", "REUTERS/Toru Hanai"],
            },
            Rule::CopyrightLine => &RuleInfo {
                name: "copyright_line",
                description: "copyright line",
                reads: "a copyright line",
                roles: &[Origin, Publisher],
                confidence: 0.85,
                forms: &[COPYRIGHT_PUBLISHER],
                place: Place::End,
                examples: &[
                    ex!(
                        "Copyright 2018 The Associated Press. All rights reserved.",
                        "Associated Press",
                    ),
                    ex!("© 2018 Thomson/Reuters.", "Reuters"),
                    ex!("© 2019 Al Jazeera Media Network", "Al Jazeera"),
                    ex!(
                        "Rescue work went on through the night in the capital.© Thomson Reuters 2022.",
                        "Reuters",
                    ),
                ],
                traps: &[
                    "© Provided by The Canadian Press",
                    "© REUTERS / Rodi Said",
                    "Rescuers search the rubble on Friday. © Reuters",
                ],
            },
            Rule::RepostLabel => &RuleInfo {
                name: "repost_label",
                description: "source label on the republished page",
                reads: "a line naming another outlet on a page whose publisher is known",
                roles: &[Origin],
                confidence: 0.85,
                forms: &[],
                place: Place::Top,
                examples: &[ex!(
                    "Press TV\nJoin the GlobalSecurity.org mailing list",
                    "Press TV",
                )],
                traps: &[],
            },
            Rule::OriginMarker => &RuleInfo {
                name: "origin_marker",
                description: "the producer's own sign-off or footer",
                reads: "the producer's own sign-off or footer, from the registry",
                roles: &[Origin],
                confidence: 0.8,
                forms: &[],
                place: Place::End,
                examples: &[
                    ex!(
                        "(Reporting by Tom Balmforth; Editing by Mark Heinrich)",
                        "Reuters",
                    ),
                    ex!(
                        "…the authority said in a statement. (Reporting by Yusri Mohamed Writing by Aidan Lewis)",
                        "Reuters",
                    ),
                    ex!("AA News Broadcasting System", "Anadolu Agency"),
                ],
                traps: &[],
            },
            Rule::IssuerHeader => &RuleInfo {
                name: "issuer_header",
                description: "the header of a body's own statement",
                reads: "a press release's or statement's header naming the body that issued it (a ministry, office, press service, presidency, embassy …), on a line of its own near the top: the text is that body's own, its primary source publishing itself",
                roles: &[Origin],
                confidence: 0.8,
                forms: &[],
                place: Place::Top,
                examples: &[
                    ex!(
                        "Press release of the Press Service of the President of the Republic of Belarus",
                        "Press Service of the President of the Republic of Belarus",
                    ),
                    ex!(
                        "Statement by the Ministry of Foreign Affairs of Ukraine",
                        "Ministry of Foreign Affairs of Ukraine",
                    ),
                    ex!(
                        "Press Statement from the Embassy of Japan in Nigeria",
                        "Embassy of Japan in Nigeria",
                    ),
                    ex!("Statement from the Press Secretary", "Press Secretary"),
                    ex!(
                        "No:438/23, Statement of the Ministry of Foreign Affairs of the Republic of Azerbaijan",
                        "Ministry of Foreign Affairs of the Republic of Azerbaijan",
                    ),
                    ex!(
                        "The press release issued by the Foreign Office on 21 July 2023.",
                        "Foreign Office",
                    ),
                ],
                traps: &[
                    "Statement by the family of the missing reporter",
                    "Statement by Joe Biden",
                    "Statement by the Ministry of Defence said three drones were downed overnight.",
                    "A statement from the Ministry of Health said 12 people were injured.",
                    "Statement by Ambassador Barbara Woodward at the UN Security Council meeting on Ukraine.",
                ],
            },
            Rule::AgencyLine => &RuleInfo {
                name: "agency_line",
                description: "agency line",
                reads: "a line that is just a news agency's name, or its name and the time its copy ran, its desk or the site running it, or a syndicating site's metadata line (its name, its bureau, when it ran) (any other such line is then the masthead)",
                roles: &[Origin],
                confidence: 0.8,
                forms: &[],
                place: Place::Top,
                examples: &[
                    ex!("AP", "Associated Press"),
                    ex!("• AP", "Associated Press"),
                    ex!("Reuters India•", "Reuters"),
                    ex!("Reuters", "Reuters"),
                    ex!(">> Reuters", "Reuters"),
                    ex!("Wam", "Emirates News Agency"),
                    ex!("PTI, Aug 16, 2021, 5:44 PM IST", "Press Trust of India"),
                    ex!("Xinhua | Updated: 2021-10-12 09:23", "Xinhua News Agency"),
                    ex!(
                        "The Associated Press | Monday, July 16, 2018, 9:06 a.m.",
                        "Associated Press",
                    ),
                    ex!("AFP 28 Mar 2021", "Agence France-Presse"),
                    // Its name over its desk, in capitals, and beside the
                    // site that runs its copy (2024, on the crash of the
                    // Iranian president's helicopter).
                    ex!("Anadolu Agency WORLD", "Anadolu Agency"),
                    ex!("AFP || Shining BD", "Agence France-Presse"),
                    ex!(
                        "Reuters | Cairo | Updated: 25-03-2021 14:19 IST | Created: 25-03-2021 14:16 IST",
                        "Reuters",
                    ),
                    ex!(
                        "Suez Canal suspends traffic while efforts to dislodge ship continueReuters | Cairo | Updated: 25-03-2021 14:19 IST",
                        "Reuters",
                    ),
                    // No bureau (Devdiscourse, 2024; held out, stop 62).
                    ex!(
                        "Reuters | Updated: 01-01-2024 14:21 IST | Created: 01-01-2024 14:17 IST",
                        "Reuters",
                    ),
                ],
                traps: &[
                    "Today",
                    "Express, May 4, 2021",
                    "Reuters 2021 poll",
                    "Talks with Reuters | Cairo | Updated: 25-03-2021",
                    "World | Middle East",
                    "AFP | Photo | Video | Live",
                    "Reuters | Photo",
                ],
            },
            Rule::AgencyWritersLine => &RuleInfo {
                name: "agency_writers_line",
                description: "agency writers' credit",
                reads: "the agency's writers' credit",
                roles: &[Origin],
                confidence: 0.75,
                forms: &[],
                place: Place::End,
                examples: &[
                    ex!(
                        "Associated Press writer Jamey Keaten in Helsinki contributed to this report.",
                        "Associated Press",
                    ),
                    ex!(
                        "Jill Colvin is an Associated Press writer.",
                        "Associated Press",
                    ),
                ],
                traps: &["The Associated Press contributed to this report."],
            },
            Rule::InputsCredit => &RuleInfo {
                name: "inputs_credit",
                description: "\"with inputs from\" credit",
                reads: "a \"with inputs from\" credit",
                roles: &[Origin],
                confidence: 0.75,
                forms: &[],
                place: Place::End,
                examples: &[ex!("(With inputs from PTI)", "Press Trust of India")],
                traps: &[],
            },
            Rule::ClosingCredit => &RuleInfo {
                name: "closing_credit",
                description: "closing credit",
                reads: "a news agency's credit in the article's last lines (behind a dash, or in parentheses on a line of its own, any registered newsroom's)",
                roles: &[Origin],
                confidence: 0.7,
                forms: &[],
                place: Place::End,
                examples: &[
                    ex!("The toll rose to 12, he said.-Bernama", "Bernama"),
                    ex!(
                        "The death toll rose to 12 on Sunday, local officials said. (Xinhua)",
                        "Xinhua News Agency",
                    ),
                    ex!(
                        "Output rose 4.1 percent last year, the data showed. Xinhua",
                        "Xinhua News Agency",
                    ),
                    ex!(
                        "Shipments to the EU surged 28.3 percent to $4.3 billion.Yonhap",
                        "Yonhap News Agency",
                    ),
                    ex!(
                        "Chip exports rose by 5.6 per cent for the year. — dpa",
                        "Deutsche Presse-Agentur",
                    ),
                    ex!(
                        "Two relief centres in Kota Marudu were closed at 10am. ― Bernama",
                        "Bernama",
                    ),
                    // Any registered newsroom behind a dash (Al Jazeera on
                    // the Crocus City Hall attack, 2024).
                    ex!(
                        "Moscow's mayor cancelled all public events planned this weekend in the Russian capital.-Al Jazeera",
                        "Al Jazeera",
                    ),
                    // A page's divider kept after it (Shenzhen Daily, 2023).
                    ex!(
                        "Rescuers found 68 bodies, the aviation authority said. (Xinhua) |",
                        "Xinhua News Agency",
                    ),
                    // Behind a slash, on the last paragraph's line (an
                    // Iranian economic site running Tasnim's copy, 2024).
                    ex!(
                        "The site of the accident is reportedly near the village of Ozi, in the woods of the northwestern province. / Tasnim",
                        "Tasnim News Agency",
                    ),
                    // Nepal's national agency by its initials, which count
                    // only in a credit (a Kathmandu magazine, 2023).
                    ex!(
                        "The Prime Minister has called a cabinet meeting for Sunday morning. (RSS)",
                        "Rastriya Samachar Samiti",
                    ),
                    // A broadcaster's name in parentheses on a line of its
                    // own (a Venezuelan site running teleSUR's story, 2024).
                    ex!(
                        "El sismo dejó al menos 64 muertos, según las autoridades locales.\n\n(teleSUR)",
                        "teleSUR",
                    ),
                ],
                traps: &[
                    "Follow our updates by RSS",
                    "The channel's reporters saw three bodies, he said. (CNN)",
                    "(Xinhua/Li Ming)",
                    "Officials met in Paris. (AFP photo)",
                    "The minister said so in an interview with Reuters",
                ],
            },
            Rule::ReportsCredit => &RuleInfo {
                name: "reports_credit",
                description: "\"reports\" credit",
                reads: "a news agency credited after a sentence in the present tense (\"…, reports AP.\", \"…, Anadolu Agency reports.\", \"…, the AP reports.\", \"…, Kazinform cites Akorda.\"), as South Asian and Central Asian papers credit a wire, or by a sentence of its own (\"This was reported by the Russian news agency Tass.\"); any newsroom relayed so at the end of the lead (\"…, Al Jazeera reports citing the Libyan Red Crescent.\")",
                roles: &[Origin],
                confidence: 0.7,
                forms: &[],
                place: Place::Anywhere,
                examples: &[
                    ex!(
                        "The official said the toll could rise further, reports AP.",
                        "Associated Press",
                    ),
                    ex!(
                        "Schools will stay closed until Friday, reports Reuters",
                        "Reuters",
                    ),
                    ex!(
                        "The toll could rise, reports AFP. Rescue teams searched the port overnight.",
                        "Agence France-Presse",
                    ),
                    ex!(
                        "The authority said the quake was centered in Pazarcik district, Anadolu Agency reports.",
                        "Anadolu Agency",
                    ),
                    // Trend's house credit (Crocus City Hall attack, 2024).
                    ex!(
                        "The death toll has grown to 140, the country's Health Minister Mikhail Murashko said, Trend reports via the local media.",
                        "Trend News Agency",
                    ),
                    // An Azerbaijani site relaying a paper's report: the
                    // paper's, not the site's (Noto earthquake, 2024).
                    ex!(
                        "The death toll in the powerful earthquakes that hit the Noto Peninsula had reached 72 people on Wednesday evening, Paralel.Az reports citing The Japan News",
                        "The Yomiuri Shimbun",
                    ),
                    ex!(
                        "The president received the prosecutor general, Kazinform cites Akorda.",
                        "Kazinform",
                    ),
                    // A summary site's credit inside its first paragraph
                    // (Newser, "By Newser Editors and Wire Services", on the
                    // Raisi crash, 2024).
                    ex!(
                        "Raisi was 63, the AP reports. State TV gave no immediate cause for the crash.",
                        "Associated Press",
                    ),
                    // Any newsroom relayed in the lead (an Azerbaijani site
                    // on the Derna floods, 2023).
                    ex!(
                        "The death toll in the coastal city has soared to 11,300 as search efforts continue after two dams burst, Al Jazeera reports citing the Libyan Red Crescent.",
                        "Al Jazeera",
                    ),
                    // The comma inside a quotation's closing mark
                    // (artsakhpress.am, 2023, on the Prigozhin crash).
                    ex!(
                        "Russian presidential spokesman Dmitry Peskov has called the allegations about the Kremlin's involvement in the crash of the plane carrying Wagner Group leader Yevgeny Prigozhin a \"lie,\" reports TASS",
                        "TASS",
                    ),
                    // A relay saying whose report it passes on (odnako.org,
                    // 2024, on the Raisi crash).
                    ex!(
                        "The Iranian Red Crescent says all passengers on President Ebrahim Raisi's helicopter are dead. This was reported by the Russian news agency Tass. Search teams found the wreckage.",
                        "TASS",
                    ),
                ],
                traps: &[
                    // … but further down, a site's own citation of it.
                    "Rescue teams searched the flooded districts of the city overnight as the waters began to recede on Tuesday.\n\nThe toll rose to 11,300, Al Jazeera reports citing the Libyan Red Crescent.",
                    "The toll rose to 12, the Central News Agency reported.",
                    "AFP reports that the talks failed.",
                    "The toll rose, reports the local council.",
                    "The minister called it \"a lie,\" reports the local council.",
                    "The toll rose to 76, the Health Ministry reports.",
                    "This was reported by the Russian Defence Ministry.",
                    "This was reported by Reuters journalists at the scene, who counted six bodies.",
                    // A summary of several newsrooms' reports is none of
                    // theirs (Newser on the Helsinki summit, 2018).
                    "Thousands have marched in Helsinki to denounce both leaders, the Hill reports.\n\nRussian media has been a lot friendlier to Trump, the AP reports.",
                ],
            },
            Rule::AgencySelfReference => &RuleInfo {
                name: "agency_self_reference",
                description: "the agency writing about its own staff",
                reads: "the agency writing about its own staff",
                roles: &[Origin],
                confidence: 0.65,
                forms: &[SELF_REFERENCE_TOLD],
                place: Place::Anywhere,
                examples: &[
                    ex!("AFP saw them recover one body.", "Agence France-Presse"),
                    ex!(
                        "An AFP journalist at the scene hours after the attack saw black smoke and flames coming from the roof.",
                        "Agence France-Presse",
                    ),
                    ex!(
                        "The tremor lasted about a minute, according to a Reuters witness in Diyarbakir.",
                        "Reuters",
                    ),
                    ex!(
                        "TASS has collected the main facts about the incident at the moment.",
                        "TASS",
                    ),
                    // A TASS factbox on a blog (Fico shooting, 2024).
                    ex!(
                        "The shooter has been detained and identified. Here are the highlights of the incident that TASS has put together.",
                        "TASS",
                    ),
                    // The AP's note on a story it updates, carried with
                    // the story (canada-news, Fico shooting, 2024).
                    ex!(
                        "THIS IS A BREAKING NEWS UPDATE. AP’s earlier story follows below.",
                        "Associated Press",
                    ),
                    ex!(
                        "A Sputnik correspondent reported that gunmen in camouflage broke into the hall.",
                        "Sputnik",
                    ),
                    ex!(
                        "Lukashenko sent greetings to the conference, BelTA learned from the press service of the head of state.",
                        "Belarusian Telegraph Agency",
                    ),
                    ex!(
                        "Reuters could not immediately verify the images.",
                        "Reuters"
                    ),
                    // Reuters and AFP on the Nzérékoré stadium crush, 2024.
                    ex!(
                        "Reuters was not immediately able to verify that footage.",
                        "Reuters"
                    ),
                    ex!(
                        "Reuters has not authenticated the videos or confirmed a death toll.",
                        "Reuters"
                    ),
                    ex!(
                        "Local media reported dozens dead, which AFP was unable to immediately verify.",
                        "Agence France-Presse"
                    ),
                    ex!(
                        "Militias detained far more civilians than officials have acknowledged, Reuters has found.",
                        "Reuters",
                    ),
                    ex!(
                        "BelTA has learned that the talks will resume on Monday.",
                        "Belarusian Telegraph Agency",
                    ),
                    ex!(
                        "Xinhua reporters in Taipei said the streets were quiet.",
                        "Xinhua News Agency",
                    ),
                ],
                traps: &[
                    "The gunmen began shooting point blank, reports a Sputnik correspondent from the scene.",
                    "The toll may rise, said a statement reported by Sputnik. A Sputnik correspondent saw the fire.",
                    "A TASS correspondent said the streets were empty. An AFP journalist saw black smoke. A RIA Novosti photographer counted six fire engines.",
                    "Reuters journalists Maria Vasquez and Tom Brennan wrote on Monday that the summit mattered.",
                ],
            },
            Rule::PersonCredit => &RuleInfo {
                name: "person_credit",
                description: "a person's credit line",
                reads: "a person's credit line (a person is no publisher)",
                roles: &[Origin],
                confidence: 0.6,
                forms: &[],
                place: Place::Top,
                examples: &[
                    ex!("Geoff Mulvihill | Associated Press", "Associated Press"),
                    ex!("Marcellus Stein – AP", "Associated Press"),
                ],
                traps: &[
                    "Photo: Pablo Martinez Monsivais / Associated Press",
                    "Jorge Silva/Reuters",
                ],
            },
            Rule::SourceLabel => &RuleInfo {
                name: "source_label",
                description: "source label (a line naming the outlet)",
                reads: "a line that is just an outlet's name, near the top or bottom",
                roles: &[Origin],
                confidence: 0.6,
                forms: &[],
                place: Place::Top,
                examples: &[ex!("CNN", "CNN")],
                traps: &["Today"],
            },
            Rule::MastheadLine => &RuleInfo {
                name: "masthead_line",
                description: "masthead line",
                reads: "a line that is just an outlet's name beside an agency line",
                roles: &[Publisher],
                confidence: 0.6,
                forms: &[],
                place: Place::Top,
                examples: &[ex!("The Boston Globe\nAP", "The Boston Globe")],
                traps: &[],
            },
            Rule::InTextMention => &RuleInfo {
                name: "in_text_mention",
                description: "mention in the text",
                reads: "an outlet named in the body (used only to resolve \"agencies\")",
                roles: &[Mention],
                confidence: 0.3,
                forms: &[],
                place: Place::Anywhere,
                examples: &[ex!(
                    "A French official told Reuters the talks failed.",
                    "Reuters",
                )],
                traps: &[],
            },
            Rule::LeadRelay => &RuleInfo {
                name: "lead_relay",
                description: "relayed in the lead",
                reads: "a newsroom whose report the story's first two paragraphs say they retell (\"…, Xinhua news agency reported.\" or \"…, the official Xinhua News Agency said.\" closing a sentence, \"TASS reported on Thursday that …\" or \"CNN is also reporting that …\" opening a clause, \"The official Xinhua News Agency said …\" opening a sentence with the newsroom called one, \"…, reports Interfax news agency citing …\", \"according to Reuters\", \"citing local broadcaster YTN\", \"quoted by\", \"a report by\", \"This was reported by the newspaper Kommersant.\"), registered or named after the words calling it a newsroom (\"local newspaper Osun Defender reported\"): never the producer, but in a claim that newsroom stands behind too, the document counts as one origin with it",
                roles: &[Relayed],
                confidence: 0.5,
                forms: &[],
                place: Place::Top,
                examples: &[
                    // IANS retelling Xinhua (Noto earthquake, 2024).
                    ex!(
                        "The major quake registered an intensity of 7 on the Japanese seismic intensity scale, according to the weather agency, Xinhua news agency reported.",
                        "Xinhua News Agency",
                    ),
                    ex!(
                        "Russia's Investigative Committee announced on Sunday that genetic tests had confirmed the identities of the ten people who died, Reuters reported.",
                        "Reuters",
                    ),
                    ex!(
                        "Russian news agency TASS reported on Thursday that the aircraft had been in the air for less than half an hour before it crashed.",
                        "TASS",
                    ),
                    ex!(
                        "Ten people were on board the private jet that crashed north of Moscow on Wednesday evening, according to Russia's TASS news agency.",
                        "TASS",
                    ),
                    ex!(
                        "The death toll in the coastal city rose to 11,300 on Thursday, the Associated Press reported, citing the Libyan Red Crescent.",
                        "Associated Press",
                    ),
                    // Real leads (tests/data/relays/cases.tsv).
                    ex!(
                        "Torrential rains triggered floods and landslides that toppled homes and destroyed river embankments in Hubei province, killing 22 people and leaving five others missing, the Xinhua News Agency said.",
                        "Xinhua News Agency",
                    ),
                    ex!(
                        "There has been an explosion at a bus station in western Moscow on Tuesday evening, reports Interfax news agency citing a police source. Nobody has been injured in the blast.",
                        "Interfax",
                    ),
                    ex!(
                        "Former Japanese Prime Minister Shinzo Abe has died after being attacked, NHK reported.",
                        "NHK",
                    ),
                    // Singapore's radio station Ria is the registered
                    // outlet of that name; the agency's is RIA Novosti.
                    ex!(
                        "As many as eight bodies have been found at the site where the private jet crashed, according to Russian news agency RIA.",
                        "RIA Novosti",
                    ),
                    ex!(
                        "The Defense Ministry is looking to deploy its ground-launched Type-12 standoff missiles mainly to its far-flung southwestern islands and the Kyushu region, the Yomiuri daily reported, citing unidentified government sources.",
                        "The Yomiuri Shimbun",
                    ),
                    ex!(
                        "The Chinese People's Liberation Army (PLA) Navy recently commissioned its second 10,000 ton-class Type 055 large destroyer, state broadcaster China Central Television (CCTV) revealed on Sunday.",
                        "China Central Television",
                    ),
                    // Two newsrooms named together: both relayed.
                    ex!(
                        "Two border guards were killed in a clash with smugglers near the Pakistani border overnight, the semi-official Fars and Tasnim news agencies reported.",
                        "Fars News Agency",
                    ),
                    ex!(
                        "Two border guards were killed in a clash with smugglers near the Pakistani border overnight, the semi-official Fars and Tasnim news agencies reported.",
                        "Tasnim News Agency",
                    ),
                    // A newsroom the registry does not hold, called one.
                    ex!(
                        "Scores of people were killed by Boko Haram in two northern Nigerian villages, local newspaper Osun Defender reported on Sunday.",
                        "Osun Defender",
                    ),
                    ex!(
                        "The official Xinhua News Agency said 16 workers were inside the shaft when water gushed into the mine in Jinta, a county in Gansu province Sunday morning.",
                        "Xinhua News Agency",
                    ),
                    ex!(
                        "At the same time, CNN is also reporting that it has obtained evidence that the US government spied on Der Spiegel.",
                        "CNN",
                    ),
                    ex!(
                        "The Rostov Region Office of Immigration of the Russian Interior Ministry extended the temporary asylum of former Ukrainian President Viktor Yanukovych until October 26, 2018. This was reported by the newspaper Kommersant.",
                        "Kommersant",
                    ),
                    ex!(
                        "The American clothing and footwear manufacturer Nike has not renewed its franchise agreement with Inventive Retail Group (IRG), Vedomosti reports , citing a letter from IRG President Tikhon Smykov to company employees.",
                        "Vedomosti",
                    ),
                ],
                traps: &[
                    "The foreign minister told Reuters on Monday that the talks would resume after the holiday in the capital.",
                    "The death toll rose to 76 on Monday, the country's health ministry reported, as rescuers searched collapsed buildings.",
                    "The talks failed in 2019, as Reuters reported at the time, and resumed only this spring after a change of government.",
                    "According to the weather agency, the tremor was felt in several regions of the country on Monday afternoon.",
                    "Officials said the toll could rise further as rescuers reach remote villages, according to a Reuters tally of official figures.",
                    "The agency's chief said the figures would be revised, a Reuters spokesperson said on Monday, declining to comment further.",
                    // Named together with a body that is no newsroom.
                    "Two border guards were killed in a clash near the Pakistani border overnight, the interior ministry and local news agencies reported.",
                    // A space agency is no newsroom; nor is a title.
                    "The launch was delayed by a day because of high winds, the space agency NASA said on Monday.",
                    "The talks will resume next month, newspaper Editor John Smith said, citing officials close to the negotiations.",
                    // The company speaking of itself, not a report retold.
                    "Reuters said on Monday it would cut 200 jobs in its newsroom as it moves more of its editing to Singapore.",
                    "The outbreak was first reported by residents of the village on Sunday, and health workers arrived two days later.",
                ],
            },
            Rule::CreditLineAgencies => &RuleInfo {
                name: "credit_line_agencies",
                description: "credit to unnamed agencies",
                reads: "a credit to news agencies without a name, or a site's note that it ran the text unedited from a feed (then the one agency the text names, if only one; never the site's own text)",
                roles: &[Origin],
                confidence: 0.0,
                forms: &[],
                place: Place::Top,
                examples: &[
                    ex!("Libya Update – Agencies", UNNAMED_AGENCIES),
                    ex!("(With inputs from agencies)", UNNAMED_AGENCIES),
                    ex!(
                        "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
                        UNNAMED_AGENCIES,
                    ),
                ],
                traps: &[],
            },
            Rule::SourceLineAgencies => &RuleInfo {
                name: "source_line_agencies",
                description: "source line naming unnamed agencies",
                reads: "a source line naming only unnamed agencies",
                roles: &[Origin],
                confidence: 0.0,
                forms: &[],
                place: Place::End,
                examples: &[ex!("Source: agencies", UNNAMED_AGENCIES)],
                traps: &[],
            },
            Rule::PhotoCredit => &RuleInfo {
                name: "photo_credit",
                description: "photo credit",
                reads: "a picture's credit: never evidence of who wrote the text",
                roles: &[PhotoCredit],
                confidence: 0.0,
                forms: &[],
                place: Place::End,
                examples: &[
                    ex!(
                        "Officials met in Paris. (AFP photo)",
                        "Agence France-Presse",
                    ),
                    ex!("[Jane Doe/Getty Images/AFP]", "Agence France-Presse"),
                    ex!("Credit: Associated Press", "Associated Press"),
                    ex!("Foto: Sina Schuldt/dpa", "Deutsche Presse-Agentur"),
                    ex!("(Xinhua/Li Ming)", "Xinhua News Agency"),
                    ex!("© REUTERS / Rodi Said", "Reuters"),
                    ex!("© NATALIA KOLESNIKOVA / AFP", "Agence France-Presse"),
                    ex!(
                        "At least 143 fatalities have been confirmed from the shooting at the concert hall on Friday. © AFP",
                        "Agence France-Presse",
                    ),
                    ex!("Jorge Silva/Reuters", "Reuters"),
                ],
                traps: &[],
            },
            Rule::Manual => &RuleInfo {
                name: "manual",
                description: "set by the reviewer",
                reads: "set by the reviewer (`provaudit outlet`), not read from the text",
                roles: &[Publisher, Origin],
                confidence: 1.0,
                forms: &[],
                place: Place::Outside,
                examples: &[],
                traps: &[],
            },
            Rule::TextReuse => &RuleInfo {
                name: "text_reuse",
                description: "text reuse",
                reads: "an uncredited copy inherits the producer of the text it shares passages with (the claims stage; the confidence is at most this, scaled by the share)",
                roles: &[Origin],
                confidence: 0.8,
                forms: &[],
                place: Place::Outside,
                examples: &[],
                traps: &[],
            },
        }
    }

    /// The snake_case name stored and serialised (`wire_dateline`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The rule in the words of an explanation (`wire dateline`).
    pub fn description(self) -> &'static str {
        self.info().description
    }

    /// The confidence of the rule's main form.
    pub fn confidence(self) -> f32 {
        self.info().confidence
    }

    /// Every confidence the rule's signals can have.
    pub fn confidences(self) -> impl Iterator<Item = f32> {
        let info = self.info();
        std::iter::once(info.confidence).chain(info.forms.iter().map(|f| f.confidence))
    }

    /// The roles its signals take, the usual one first.
    pub fn roles(self) -> &'static [Role] {
        self.info().roles
    }

    pub fn place(self) -> Place {
        self.info().place
    }

    pub fn examples(self) -> &'static [Example] {
        self.info().examples
    }

    pub fn traps(self) -> &'static [&'static str] {
        self.info().traps
    }

    /// Whether the rule reads the page's HTML metadata rather than its text.
    pub fn is_html(self) -> bool {
        matches!(
            self.place(),
            Place::CaptureUrl | Place::CanonicalUrl | Place::SiteName | Place::PageAuthor
        )
    }

    /// Whether the rule credits news agencies without naming one.
    pub fn is_unnamed_agencies(self) -> bool {
        matches!(self, Rule::CreditLineAgencies | Rule::SourceLineAgencies)
    }

    /// The rule a stored name stands for.
    pub fn parse(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// The name a credit to unnamed agencies gets.
pub const UNNAMED_AGENCIES: &str = "news agencies (unnamed)";

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// The rule table in Markdown, as in this module's documentation.
pub fn doc_table() -> String {
    fn code(s: &str) -> String {
        s.split('\n')
            .map(|l| format!("`{}`", l.replace('|', "\\|")))
            .collect::<Vec<_>>()
            .join(", then ")
    }
    fn number(c: f32) -> String {
        format!("{c}")
    }
    let mut out = String::from("| rule | role | confidence | what it reads |\n|---|---|---|---|\n");
    for rule in Rule::ALL {
        let info = rule.info();
        let roles: Vec<&str> = info
            .roles
            .iter()
            .map(|r| match r {
                Role::Publisher => "publisher",
                Role::Origin => "origin",
                Role::Mention => "mention",
                Role::PhotoCredit => "photo credit",
                Role::Relayed => "relayed",
            })
            .collect();
        let mut confidence = if info.confidence == 0.0 {
            "—".to_owned()
        } else {
            number(info.confidence)
        };
        if !info.forms.is_empty() {
            let forms: Vec<String> = info
                .forms
                .iter()
                .map(|f| format!("{} {}", f.when, number(f.confidence)))
                .collect();
            confidence = format!("{confidence} ({})", forms.join("; "));
        }
        let mut reads = info.reads.to_owned();
        if !info.examples.is_empty() {
            let mut seen: Vec<&str> = Vec::new();
            for e in info.examples {
                if !seen.contains(&e.text) {
                    seen.push(e.text);
                }
            }
            let shown: Vec<String> = seen.iter().map(|t| code(t)).collect();
            reads = format!("{reads}: {}", shown.join(", "));
        }
        if !info.traps.is_empty() {
            let shown: Vec<String> = info.traps.iter().map(|t| code(t)).collect();
            reads = format!("{reads}; not {}", shown.join(", "));
        }
        out.push_str(&format!(
            "| `{}` | {} | {confidence} | {reads} |\n",
            info.name,
            roles.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outlets::identify::{PageMeta, Signal, identify};
    use crate::outlets::registry::Registry;

    /// The example or trap set where the rule looks, in a plausible article.
    fn article(place: Place, line: &str) -> (String, PageMeta) {
        const HEADLINE: &str = "Ministers meet as talks resume";
        const BODY: &str = "Officials met on Monday.\n\nTalks will go on this week.";
        let plain = |text: String| (text, PageMeta::default());
        match place {
            Place::Top | Place::Outside => plain(format!("{HEADLINE}\n\n{line}\n\n{BODY}\n")),
            Place::End => plain(format!("{HEADLINE}\n\n{BODY}\n\n{line}\n")),
            Place::Anywhere => plain(format!(
                "{HEADLINE}\n\nOfficials met on Monday.\n\n{line}\n\nTalks will go on this week.\n"
            )),
            Place::CaptureUrl => (
                format!("{HEADLINE}\n\n{BODY}\n"),
                PageMeta {
                    capture_url: Some(line.to_owned()),
                    ..PageMeta::default()
                },
            ),
            Place::CanonicalUrl => (
                format!("{HEADLINE}\n\n{BODY}\n"),
                PageMeta {
                    canonical_url: Some(line.to_owned()),
                    ..PageMeta::default()
                },
            ),
            Place::SiteName => (
                format!("{HEADLINE}\n\n{BODY}\n"),
                PageMeta {
                    site_name: Some(line.to_owned()),
                    ..PageMeta::default()
                },
            ),
            Place::PageAuthor => (
                format!("{HEADLINE}\n\n{BODY}\n"),
                PageMeta {
                    credits: crate::text::page_credits(&format!(
                        "<html><head><meta name=\"author\" content=\"{line}\"></head><body><p>{BODY}</p></body></html>"
                    )),
                    ..PageMeta::default()
                },
            ),
        }
    }

    fn signals_for(registry: &Registry, place: Place, line: &str) -> (String, Vec<Signal>) {
        let (text, meta) = article(place, line);
        let found = identify(registry, &text, &meta, &|_| 1);
        (text, found.signals)
    }

    #[test]
    fn every_rule_fires_on_its_examples_and_not_on_its_traps() {
        let registry = Registry::bundled();
        let mut checked = 0;
        for rule in Rule::ALL {
            for e in rule.examples() {
                let (text, signals) = signals_for(&registry, rule.place(), e.text);
                let fired: Vec<&Signal> = signals
                    .iter()
                    .filter(|s| s.rule == rule && s.name == e.name)
                    .collect();
                assert!(
                    !fired.is_empty(),
                    "{rule}: no signal naming {} in {text:?}; found {:#?}",
                    e.name,
                    signals
                );
                for s in fired {
                    assert!(rule.roles().contains(&s.role), "{rule}: role {s:?}");
                    assert!(
                        rule.confidences().any(|c| c == s.confidence),
                        "{rule}: confidence {} is not in the table ({s:?})",
                        s.confidence
                    );
                }
                checked += 1;
            }
            for trap in rule.traps() {
                let (text, signals) = signals_for(&registry, rule.place(), trap);
                let wrong: Vec<&Signal> = signals
                    .iter()
                    .filter(|s| s.rule == rule && matches!(s.role, Role::Origin | Role::Relayed))
                    .collect();
                assert!(
                    wrong.is_empty(),
                    "{rule} fired on the trap {text:?}: {wrong:#?}"
                );
                checked += 1;
            }
        }
        assert!(checked >= 60, "{checked}");
    }

    #[test]
    fn every_rule_has_a_description_and_reads_back_from_its_name() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len(), "two rules share a name");
        for rule in Rule::ALL {
            assert!(!rule.description().trim().is_empty(), "{rule:?}");
            assert!(!rule.info().reads.trim().is_empty(), "{rule:?}");
            assert!(!rule.roles().is_empty(), "{rule:?}");
            assert_eq!(Rule::parse(rule.name()), Some(rule));
            assert_eq!(
                serde_json::to_string(&rule).unwrap(),
                format!("\"{}\"", rule.name())
            );
            // Every rule read from the text is shown at work.
            if rule.place() != Place::Outside {
                assert!(!rule.examples().is_empty(), "{rule:?} has no examples");
            }
        }
        assert_eq!(Rule::parse("wire dateline"), None);
        assert_eq!(Rule::parse(""), None);
        // `Rule::ALL` is every variant, each once, in declaration order.
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(rule as usize, i);
        }
    }

    #[test]
    fn the_doc_table_is_the_rule_table() {
        let source = include_str!("rules.rs");
        let documented: String = source
            .lines()
            .filter_map(|l| l.strip_prefix("//! |"))
            .map(|l| format!("|{l}\n"))
            .collect();
        let table = doc_table();
        assert!(
            documented == table,
            "the table at the top of src/outlets/rules.rs is not the rule table; it should read:\n{}",
            table
                .lines()
                .map(|l| format!("//! {l}\n"))
                .collect::<String>()
        );
    }
}
