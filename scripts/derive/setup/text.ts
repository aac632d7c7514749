/**
 * The words of the setup (the Markdown guides, the entry assistant and the preview's Altcraft steps say
 * the same things in the same words): the App Integrator's labels and what to do on each screen, the
 * Altcraft side, and the check before publishing. The App Integrator's screens are labelled in English,
 * so the Russian text names each label in Russian with the English label in brackets, everywhere.
 */
import { ASSUMPTIONS } from "../../albato-assumptions.js";
import type { Locale, Localized } from "../../model/manifest.js";
import type { Totals } from "./step.js";

/** One text per locale, the same shape everywhere. */
const t = (en: string, ru: string): Localized => ({ en, ru });

/** Labels of the App Integrator's inputs, as the guide names them (the English ones are the UI's). */
export const LABELS = {
  nameIn: { en: t("Name in English", "Название на английском (Name in English)"), ru: t("Name in Russian", "Название на русском (Name in Russian)") },
  descriptionIn: {
    en: t("Description in English", "Описание на английском (Description in English)"),
    ru: t("Description in Russian", "Описание на русском (Description in Russian)"),
  },
  hintIn: { en: t("Hint in English", "Подсказка на английском (Hint in English)"), ru: t("Hint in Russian", "Подсказка на русском (Hint in Russian)") },
  website: t("Website", "Сайт (Website)"),
  docs: t("Documentation link", "Ссылка на документацию (Documentation link)"),
  logo: t("Logo", "Логотип (Logo)"),
  categories: t("Categories", "Категории (Categories)"),
  authorizationType: t("Type", "Тип (Type)"),
  fieldCode: t("Field code", "Код поля (Field code)"),
  fieldType: t("Type", "Тип (Type)"),
  requiredWhenCreating: t("Required when creating", "Обязательно при создании (Required when creating)"),
  requiredWhenEditing: t("Required when editing", "Обязательно при изменении (Required when editing)"),
  triggerCode: t("for reference, the trigger code", "для справки: код триггера"),
  model: t("Model", "Модель (Model)"),
  group: t("Group", "Группа (Group)"),
  contentType: t("Content type", "Тип содержимого (Content type)"),
  dataArrayReturn: t("Data array return", "Возврат массива данных (Data array return)"),
  arrayPath: t("Path to the array", "Путь к массиву (Path to the array)"),
  mapping: t("Mapping (Response tab)", "Сопоставление (вкладка Response)"),
  dateTimeFormat: t("Gear: source format", "Шестерёнка: исходный формат"),
  dateTimeZone: t("Gear: time zone", "Шестерёнка: часовой пояс"),
  separator: t("Gear: separator", "Шестерёнка: разделитель"),
  phoneFormat: t("Gear: phone format", "Шестерёнка: формат телефона"),
  filterVariable: t("Filter: variable", "Фильтр: переменная (Filter)"),
  filterOperator: t("Filter: operator", "Фильтр: оператор"),
  filterValue: t("Filter: value", "Фильтр: значение"),
  method: t("Method", "Метод (Method)"),
  url: t("URL", "URL"),
  parameterKey: t("Parameter: variable key", "Параметр: ключ переменной"),
  parameterValue: t("Parameter: value", "Параметр: значение"),
  parameterType: t("Parameter: variable type", "Параметр: тип переменной"),
  errorType: t("Error type", "Тип ошибки (Error type)"),
  conditionVariable: t("Condition: variable", "Условие: переменная"),
  conditionOperator: t("Condition: operator", "Условие: оператор"),
  conditionValue: t("Condition: value", "Условие: значение"),
  errorMessage: t("Error message", "Сообщение об ошибке (Error message)"),
  requiredField: t("Required field", "Обязательное поле (Required field)"),
  editableField: t("Editable field", "Редактируемое поле (Editable field)"),
  list: t("List", "Список (List)"),
  listType: t("List type", "Тип списка"),
  itemKey: t("Item: unique key", "Элемент: уникальный ключ (Unique key)"),
  itemNameIn: { en: t("Item: name in English", "Элемент: название на английском"), ru: t("Item: name in Russian", "Элемент: название на русском") },
  responseVariable: t("Response: variable", "Ответ: переменная"),
  responseField: t("Response: field", "Ответ: поле"),
  keyMapping: t("Key mapping", "Сопоставление ключа"),
  nameMapping: t("Name mapping", "Сопоставление названия"),
  pagingParameter: t("Next page: request parameter", "Следующая страница: параметр запроса"),
  pagingNext: t("Next page: response variable", "Следующая страница: переменная ответа"),
} as const;

export const WORDS = {
  yes: t("Yes", "Да"),
  no: t("No", "Нет"),
  leaveEmpty: t("(leave empty)", "(оставьте пустым)"),
  tick: t("tick", "отметьте"),
  logoValue: t("logo.svg from this package", "файл logo.svg из этого пакета"),
  noAuthorization: t(
    "No credentials: Altcraft's action hooks send none. If a type must be chosen: Custom, with no authorization fields.",
    "Без учётных данных: хуки Altcraft их не передают. Если тип выбрать обязательно — Custom без полей авторизации.",
  ),
  phoneFormatValue: t("international (E.164, like +79991234567)", "международный (E.164, например +79991234567)"),
  rfc3339: t("RFC 3339", "RFC 3339"),
  custom: t("Custom", "Custom"),
  staticList: t("Static", "Статический (Static)"),
  dynamicList: t("Dynamic", "Динамический (Dynamic)"),
  utc: t("UTC", "UTC"),
} as const;

/** A checkbox's state as the guide says it. */
export function yesNo(on: boolean): Localized {
  return on ? WORDS.yes : WORDS.no;
}

/** Section headings and what each screen asks for, in the App Integrator's order. */
export const SECTIONS = {
  app: {
    title: t("App card", "Карточка приложения"),
    intro: t(
      "Create the app in the App Integrator (or open its new version) and fill in its card.",
      "Создайте приложение в App Integrator (или откройте его новую версию) и заполните карточку.",
    ),
  },
  authorization: {
    title: t("Authorization", "Авторизация"),
    intro: t(
      "Create the app's authorization: its settings, its fields (asked for when a user creates a connection), and the request the connection's test makes. Type and method cannot be changed once the authorization is saved. Where the App Integrator asks for a method, Altcraft's token is an API key.",
      "Создайте авторизацию приложения: её настройки, поля (их пользователь заполняет при создании подключения) и запрос, которым проверяется подключение. Тип и метод после сохранения авторизации изменить нельзя. Если App Integrator спрашивает метод, токен Altcraft — это API-ключ (API key).",
    ),
    test: t("Connection test: request", "Проверка подключения: запрос"),
  },
  requests: {
    request: t("Request tab", "Вкладка Request"),
    parameters: t("Request tab: parameters", "Вкладка Request: параметры (Parameters)"),
    response: t("Response tab", "Вкладка Response"),
    errors: t("Errors tab", "Вкладка Errors"),
    variables: t(
      "A value in {{ }} is a variable, picked from the Smart field block: {{connection.host}} and {{connection.token}} are the connection's Altcraft host and API token, {{email}} the field of this action whose code is email. A key with dots (data._fname) is a path into the JSON body.",
      "Значение в {{ }} — переменная, её выбирают в блоке Smart field: {{connection.host}} и {{connection.token}} — адрес Altcraft и API-токен подключения, {{email}} — поле этого действия с кодом email. Ключ с точками (data._fname) — путь в JSON-теле запроса.",
    ),
  },
  lists: {
    title: t("Lists", "Списки"),
    intro: t(
      "Create the lists before the actions whose fields pick from them. A list cannot be changed once created. A dynamic list is loaded from Altcraft with the connection's token.",
      "Создайте списки до действий, поля которых из них выбирают. Список после создания изменить нельзя. Динамический список загружается из Altcraft с токеном подключения.",
    ),
    create: t("Create the list", "Создайте список"),
    items: (count: number): Localized => t(`Items (${count})`, `Элементы (${count})`),
    paging: t(
      "Paging: how the App Integrator asks for the next page is not documented; if it offers it, use these values, otherwise one page of 1000 items is loaded.",
      "Постраничная загрузка: как App Integrator запрашивает следующую страницу, не документировано; если он это предлагает, используйте эти значения, иначе загружается одна страница в 1000 элементов.",
    ),
  },
  actions: {
    title: t("Actions", "Действия"),
    intro: t(
      "For each action: create it and enter its names and description; on the Fields tab add every field in the order given (the response fields last, not editable); on the Request tab set the request and its parameters; on the Response tab map the response to the response fields; on the Errors tab add the error rules.",
      "Для каждого действия: создайте его и введите названия и описание; на вкладке Fields добавьте все поля в указанном порядке (поля ответа последними, нередактируемыми); на вкладке Request настройте запрос и его параметры; на вкладке Response сопоставьте ответ с полями ответа; на вкладке Errors добавьте правила ошибок.",
    ),
    create: t("Create the action", "Создайте действие"),
    fields: (count: number): Localized => t(`Fields (${count}), in this order`, `Поля (${count}) в этом порядке`),
    provisional: t(
      "Provisional action: Altcraft's documentation of this method is incomplete. Try it against a real account (altcraft-albato call) before publishing.",
      "Предварительное действие: документация Altcraft по этому методу неполна. Перед публикацией проверьте его на настоящем аккаунте (altcraft-albato call).",
    ),
  },
  connection: {
    title: t("Connection fields", "Поля подключения"),
    intro: t(
      "Open the Connection Fields tab and add these fields, in this order. The Webhook field gives every connection its own URL: webhook triggers do not work without it.",
      "Откройте вкладку Connection Fields и добавьте эти поля в указанном порядке. Поле типа Webhook даёт каждому подключению собственный URL: без него триггеры-вебхуки не работают.",
    ),
  },
  triggers: {
    title: t("Triggers", "Триггеры"),
    intro: t(
      "For each trigger: create it with the model Webhook and enter its names, description and group; on the Requests tab, open the Response widget and set it as shown; on the Fields tab, add every field in the order given, set its gear where a row says so, and map it on the Response tab; finally, in the triggers list, add the filter. Every trigger shares the connection's URL: the filter is what picks out its event.",
      "Для каждого триггера: создайте его с моделью Webhook и введите названия, описание и группу; на вкладке Requests откройте виджет Response и настройте его, как указано; на вкладке Fields добавьте все поля в указанном порядке, где сказано — настройте шестерёнку поля, и сопоставьте поле на вкладке Response; в конце добавьте фильтр в списке триггеров. Все триггеры получают запросы на один URL подключения: событие своего типа отбирает только фильтр.",
    ),
    firstWave: t(
      "Wave 1: the triggers the existing Altcraft app offers. Set these up first; wave 2 (the other events) can follow in a later version.",
      "Первая очередь: триггеры, которые есть в нынешнем приложении Altcraft. Настройте их в первую очередь; вторую очередь (остальные события) можно добавить в следующей версии.",
    ),
    secondWave: t("Wave 2: the other Altcraft events.", "Вторая очередь: остальные события Altcraft."),
    wave: (wave: 1 | 2): Localized => (wave === 1 ? t("wave 1", "первая очередь") : t("wave 2", "вторая очередь")),
    create: t("Create the trigger", "Создайте триггер"),
    response: t("Response widget (Requests tab)", "Виджет Response (вкладка Requests)"),
    fields: (count: number): Localized => t(`Fields (${count}), in this order`, `Поля (${count}) в этом порядке`),
    filter: t("Filter (in the triggers list)", "Фильтр (в списке триггеров)"),
    provisional: (type: string): Localized =>
      t(
        `Provisional event type: the wire name ${type} is our inference, not Altcraft's documentation. Confirm it with a real request from Altcraft (altcraft-albato listen) before publishing; if Altcraft sends another name, the filter value changes.`,
        `Предварительный тип события: название ${type} мы вывели сами, в документации Altcraft его нет. Перед публикацией проверьте его на настоящем запросе от Altcraft (altcraft-albato listen); если Altcraft присылает другое название, значение фильтра изменится.`,
      ),
    arrayNote: t(
      "[] in a mapping path means the values of that key in every element of the array; Albato joins them into one value with the separator set in the field's gear.",
      "[] в пути сопоставления означает значения этого ключа во всех элементах массива; Albato объединяет их в одно значение через разделитель из шестерёнки поля.",
    ),
  },
  blocks: {
    title: t("Field blocks", "Блоки полей"),
    intro: t(
      "Most fields stand in the same blocks, in the same order, in many triggers. Each block is listed here once; a trigger's section names the blocks it takes, in order.",
      "Большинство полей входят в одни и те же блоки в одном и том же порядке во многих триггерах. Каждый блок приведён здесь один раз; в разделе триггера перечислены его блоки по порядку.",
    ),
    usedBy: (count: number): Localized => t(`used by ${count} trigger${count === 1 ? "" : "s"}`, `в ${count} ${ruTriggers(count)}`),
  },
  altcraft: {
    title: t("Altcraft: event capture", "Altcraft: захват событий"),
    intro: t(
      "What an Albato user does in Altcraft once per connection, so that events reach Albato (the Webhook field's hint says the same).",
      "Что пользователь Albato делает в Altcraft один раз для каждого подключения, чтобы события попадали в Albato (то же сказано в подсказке к полю Webhook).",
    ),
    eventsTitle: t("Events to tick, as Altcraft names them", "Какие события отметить (как их называет Altcraft)"),
    eventsNote: t(
      "Altcraft's names as its documentation gives them; its menu may word them slightly differently.",
      "Названия даны по документации Altcraft; в меню они могут звучать немного иначе.",
    ),
  },
  check: {
    title: t("Check before publishing", "Проверка перед публикацией"),
    intro: t(
      "Before submitting the app for moderation, play the samples through Albato and compare what each trigger produced with what it should produce.",
      "Перед отправкой приложения на модерацию прогоните примеры событий через Albato и сравните то, что получил каждый триггер, с тем, что он должен получить.",
    ),
    assumptionsTitle: t("What simulate assumes: check each", "Что предполагает simulate: проверьте каждое"),
    checkHow: t("Check:", "Проверка:"),
    questionsTitle: t("Open questions: record what you see", "Открытые вопросы: запишите, что вы видите"),
  },
} as const;

/** «в 3 триггерах», «в 1 триггере»: the locative plural Russian needs after «в». */
function ruTriggers(count: number): string {
  return count % 10 === 1 && count % 100 !== 11 ? "триггере" : "триггерах";
}

/** A count with the Russian noun form it takes: 1 триггер, 2 триггера, 5 триггеров, 11 триггеров, 21 триггер. */
export function ruCount(count: number, [one, few, many]: readonly [string, string, string]): string {
  const tens = count % 100;
  const units = count % 10;
  const form = tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${count} ${form}`;
}

/** A range of minutes as people say it: minutes under an hour and a half, whole hours above. */
export function duration(minutes: { low: number; high: number }): Localized {
  if (minutes.high < 90) {
    return t(`${minutes.low}–${minutes.high} minutes`, `${minutes.low}–${ruCount(minutes.high, ["минута", "минуты", "минут"])}`);
  }
  const low = Math.max(1, Math.round(minutes.low / 60));
  const high = Math.max(1, Math.round(minutes.high / 60));
  return t(`${low}–${high} hours`, `${low}–${ruCount(high, ["час", "часа", "часов"])}`);
}

/** The size of the whole entry, as the guide and the assistant open with it. */
export function totalsLine(totals: Totals): Localized {
  const time = duration(totals.minutes);
  const en = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;
  const enParts = [`${en(totals.triggers, "trigger")} (${en(totals.fields, "field")})`];
  const ruParts = [`${ruCount(totals.triggers, ["триггер", "триггера", "триггеров"])} (${ruCount(totals.fields, ["поле", "поля", "полей"])})`];
  if (totals.lists > 0) {
    enParts.push(en(totals.lists, "list"));
    ruParts.push(ruCount(totals.lists, ["список", "списка", "списков"]));
  }
  if (totals.actions > 0) {
    enParts.push(`${en(totals.actions, "action")} (${en(totals.actionFields, "field")})`);
    ruParts.push(`${ruCount(totals.actions, ["действие", "действия", "действий"])} (${ruCount(totals.actionFields, ["поле", "поля", "полей"])})`);
  }
  return t(
    `${enParts.join(", ")}; ${totals.entries} form entr${totals.entries === 1 ? "y" : "ies"}: about ${time.en} of entry`,
    `${ruParts.join(", ")}; ${ruCount(totals.entries, ["значение", "значения", "значений"])} для ввода: примерно ${time.ru} работы`,
  );
}

/** The Altcraft side, step by step; `{url}` stands for the connection's webhook URL. */
export const ALTCRAFT_STEPS: readonly Localized[] = [
  t(
    "In Albato, open Apps → Altcraft → your connection and copy its Webhook URL.",
    "В Albato откройте «Приложения» → Altcraft → своё подключение и скопируйте его URL вебхука.",
  ),
  t(
    "In Altcraft, as a user allowed to manage integrations, open Integrations → Event capture and click + Create.",
    "В Altcraft под пользователем, которому доступны интеграции, откройте «Интеграции» → «Захват событий» и нажмите «+ Создать».",
  ),
  t("General settings: name the hook, for example Albato.", "Общие настройки: задайте название хука, например Albato."),
  t(
    "Capture settings: pick the profile database (or all databases) and, under Actions, tick the events to start automations with (the list below gives Altcraft's name of each). Resources, campaigns, templates, segments and pixels can narrow them down.",
    "Настройки захвата: выберите базу профилей (или все базы) и в разделе «Действия» отметьте события, по которым должны запускаться связки (ниже приведено название каждого события в Altcraft). Ресурсы, кампании, шаблоны, сегменты и пиксели позволяют сузить выборку.",
  ),
  t(
    "Data of the hook: add the profile fields email, phones, _fname and _lname (and _bdate if you need the birth date). Without them, the Profile email, Profile phones, First name and Last name fields of the triggers stay empty.",
    "Данные хука: добавьте поля профиля email, phones, _fname и _lname (и _bdate, если нужна дата рождения). Без них поля триггеров «Email из профиля», «Телефоны из профиля», «Имя» и «Фамилия» останутся пустыми.",
  ),
  t(
    "Request options: choose JSON batch request (HTTP POST) and paste the Webhook URL into URL.",
    "Параметры запроса: выберите пакетный JSON-запрос (HTTP POST) и вставьте URL вебхука в поле URL.",
  ),
  t(
    "Set the maximum batch size (for example 100) and the timeout in seconds (for example 10): Altcraft sends a batch as soon as either is reached.",
    "Задайте максимальный размер пакета (например, 100) и таймаут в секундах (например, 10): Altcraft отправляет пакет, как только достигнуто одно из значений.",
  ),
  t(
    "Leave the API response success message empty: then any HTTP 200 answer counts as delivered (what Albato answers besides the status is not documented).",
    "Поле «Сообщение об успешном ответе API» оставьте пустым: тогда доставленным считается любой ответ HTTP 200 (что Albato отвечает, кроме статуса, не документировано).",
  ),
  t(
    "Leave authorization off, switch the hook on at the top of the screen and save. Then, in Albato, create an automation: choose Altcraft, the event and the connection.",
    "Авторизацию не включайте; включите хук переключателем вверху экрана и сохраните. Затем создайте связку в Albato: выберите Altcraft, событие и подключение.",
  ),
];

/** The check before publishing, step by step. */
export const CHECK_STEPS: readonly Localized[] = [
  t(
    "Create a test automation in Albato for each trigger to check (wave 1 at least), with the connection whose Webhook URL you will post to.",
    "Создайте в Albato тестовую связку для каждого проверяемого триггера (как минимум первой очереди) с подключением, на URL вебхука которого вы будете отправлять события.",
  ),
  t(
    "Post the samples to that URL the way Altcraft does: altcraft-albato send schemas/samples --to <Webhook URL>.",
    "Отправьте примеры событий на этот URL так же, как это делает Altcraft: altcraft-albato send schemas/samples --to <URL вебхука>.",
  ),
  t(
    "Write down what Albato should have received: altcraft-albato simulate schemas/samples (one run per event, every field's value).",
    "Запишите, что Albato должен был получить: altcraft-albato simulate schemas/samples (по запуску на событие, значение каждого поля).",
  ),
  t(
    "In each automation's history, compare every field with simulate's value; note each difference.",
    "В истории каждой связки сравните каждое поле со значением из simulate; запишите каждое расхождение.",
  ),
  t(
    "For each action, run it once from the App Integrator's test with the values altcraft-albato call <action> --dry-run shows, and compare the request Albato sends with the dry run's (scripts/albato-behaviour.ts lists what is inferred about empty rows, arrays, booleans and dates). Open a connection's settings once to see every dynamic list load.",
    "Для каждого действия запустите его один раз из теста App Integrator со значениями, которые показывает altcraft-albato call <действие> --dry-run, и сравните запрос, который отправляет Albato, с запросом пробного запуска (в scripts/albato-behaviour.ts перечислено, что выведено нами о пустых строках, массивах, логических значениях и датах). Откройте настройки подключения, чтобы увидеть, как загружаются все динамические списки.",
  ),
  t(
    "Check each assumption and answer the open questions below from what you saw, and fix the connector (or the guide) where the answer differs from the assumption.",
    "Проверьте каждое предположение и ответьте на открытые вопросы ниже по тому, что увидели, и исправьте коннектор (или руководство), где ответ расходится с предположением.",
  ),
];

/**
 * What the check step asks of Albato that its documentation does not say: first each assumption
 * `simulate` makes (scripts/albato-assumptions.ts), as what it assumes and how to check it; then the
 * questions no simulation answers.
 */
export const ASSUMPTION_CHECKS: readonly { id: string; text: Localized; check: Localized }[] = ASSUMPTIONS;

export const OPEN_QUESTIONS: readonly Localized[] = [
  t(
    "Does a bounce (soft or hard) also start Email not delivered?",
    "Запускает ли отказ (мягкий или жёсткий) также триггер «Письмо не доставлено»?",
  ),
  t(
    "Which HTTP status and body does Albato answer Altcraft with? (The hook's success message is left empty, so any HTTP 200 counts as delivered.)",
    "Каким HTTP-статусом и телом Albato отвечает Altcraft? (Сообщение об успешном ответе в хуке оставлено пустым, поэтому доставленным считается любой ответ HTTP 200.)",
  ),
];

/** "{app} for Albato: setup guide (version {version})" per locale. */
export function guideTitle(app: string, version: string, locale: Locale): string {
  return locale === "en" ? `${app} for Albato: setup guide (version ${version})` : `${app} для Albato: руководство по настройке (версия ${version})`;
}
