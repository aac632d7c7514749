/**
 * What is assumed about how Albato runs a webhook trigger where its documentation is silent: the one
 * table of those assumptions (the request-widget side, for actions, is albato-behaviour.ts). `simulate`
 * prints it with every report, and the setup guide's check step turns each entry into a check to make in
 * Albato before publishing, so a wrong assumption is found by a person rather than by an automation
 * that maps an empty field. Each `check` names repository files (samples) that a test keeps real.
 */
import type { Localized } from "./model/manifest.js";

export interface Assumption {
  /** Stable id (kebab-case): what the guide and `--json` readers key on. */
  id: string;
  /** What `simulate` assumes Albato does. */
  text: Localized;
  /** How to find out in Albato whether the assumption holds. */
  check: Localized;
}

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: "filter-per-element",
    text: {
      en:
        "The trigger filter is tested on each element of the posted array, not on the request as a whole: `data.event_type` " +
        "is the element's `event_type`, and `equal` means the same text exactly. So a batch that mixes event types starts " +
        "each trigger once for every element of its type.",
      ru:
        "Фильтр триггера проверяется для каждого элемента присланного массива, а не для запроса целиком: `data.event_type` — " +
        "это `event_type` элемента, а `equal` означает точное совпадение текста. Поэтому пакет, в котором смешаны типы " +
        "событий, запускает каждый триггер по одному разу на каждый элемент его типа.",
    },
    check: {
      en:
        "Post one batch holding two event types: `send schemas/samples/click/full.json schemas/samples/open/full.json " +
        "--batch-size 2 --to <webhook URL>`. The history of the `click` trigger and of the `open` trigger should each show " +
        "exactly one run, with its own event type. If neither shows a run, the filter sees the whole request: then " +
        "Altcraft needs one hook per event type.",
      ru:
        "Отправьте один пакет с событиями двух типов: `send schemas/samples/click/full.json schemas/samples/open/full.json " +
        "--batch-size 2 --to <URL вебхука>`. В истории триггера события `click` и триггера события `open` должно быть ровно " +
        "по одному запуску, каждый со своим типом события. Если запусков нет ни у одного, фильтр видит запрос целиком: тогда " +
        "в Altcraft нужен отдельный захват на каждый тип события.",
    },
  },
  {
    id: "datetime-fraction",
    text: {
      en:
        "A DateTime field with the source format RFC 3339 accepts 0 to 9 fraction digits and keeps milliseconds: further " +
        "digits are dropped, not rounded (`…:42.867808163Z` → `…:42.867Z`).",
      ru:
        "Поле DateTime с исходным форматом RFC 3339 принимает от 0 до 9 цифр долей секунды и сохраняет миллисекунды: " +
        "остальные цифры отбрасываются, без округления (`…:42.867808163Z` → `…:42.867Z`).",
    },
    check: {
      en:
        "Post `schemas/samples/send_sms/full.json` (`event_date` 2024-03-19T00:54:42.867808163Z) and open the run in the " +
        "trigger's history: the event date should be 00:54:42.867 UTC. Note whether Albato kept the value at all, rounded " +
        "it to .868, or showed whole seconds only.",
      ru:
        "Отправьте `schemas/samples/send_sms/full.json` (`event_date` 2024-03-19T00:54:42.867808163Z) и откройте запуск в " +
        "истории триггера: дата и время события должны быть 00:54:42.867 UTC. Отметьте, приняла ли Albato значение вообще, " +
        "округлила ли его до .868 или показала только целые секунды.",
    },
  },
  {
    id: "datetime-offset",
    text: {
      en:
        "A `±HH:MM` offset in a DateTime value is honoured: the instant is kept and given in UTC, the time zone set in the " +
        "field's gear (`2024-04-08T11:13:29.149194240+03:00` → `2024-04-08T08:13:29.149Z`). `simulate` writes DateTime " +
        "values as ISO 8601 in UTC with milliseconds; Albato may display them in another form.",
      ru:
        "Смещение `±HH:MM` в значении DateTime учитывается: момент времени сохраняется и выражается в UTC — часовом поясе, " +
        "заданном в шестерёнке поля (`2024-04-08T11:13:29.149194240+03:00` → `2024-04-08T08:13:29.149Z`). `simulate` " +
        "записывает значения DateTime в ISO 8601, в UTC, с миллисекундами; Albato может показывать их в другом виде.",
    },
    check: {
      en:
        "Post `schemas/samples/deliv/full.json` (`event_date` 2024-04-08T11:13:29.149194240+03:00): the run's event date " +
        "should be 08:13:29 UTC (the same instant), not 11:13:29 read as UTC, and the value should not be empty.",
      ru:
        "Отправьте `schemas/samples/deliv/full.json` (`event_date` 2024-04-08T11:13:29.149194240+03:00): дата и время " +
        "события в запуске должны быть 08:13:29 UTC (тот же момент), а не 11:13:29, прочитанные как UTC, и значение не " +
        "должно быть пустым.",
    },
  },
  {
    id: "phone-as-sent",
    text: {
      en:
        "A Phone field, and each element of a PhoneArray field, comes out exactly as sent (`+447700900123`): `simulate` " +
        "does not normalise phone numbers, because what the Phone gear's format setting does is not documented.",
      ru:
        "Поле Phone и каждый элемент поля PhoneArray выходят ровно такими, как пришли (`+447700900123`): `simulate` не " +
        "нормализует номера, потому что действие настройки формата в шестерёнке поля Phone не описано.",
    },
    check: {
      en:
        "Post `schemas/samples/click/full.json` and compare its phone fields in the run (`custom_data.phones` " +
        "+447700900123) with the value sent: note the form Albato gives with the gear set as the guide says, and whether " +
        "the `+` stays.",
      ru:
        "Отправьте `schemas/samples/click/full.json` и сравните поля телефона в запуске (`custom_data.phones` " +
        "+447700900123) с отправленным значением: отметьте, в каком виде Albato отдаёт номер при настройке шестерёнки по " +
        "руководству и сохраняется ли `+`.",
    },
  },
  {
    id: "wrong-type-empty",
    text: {
      en:
        "A value that is absent, null, or of another JSON type than its field (a number in a String field, \"23\" or 1.5 " +
        "in an Int field, a string in a Boolean field, an object or array in a field of one value) comes out empty; it is " +
        "not converted.",
      ru:
        "Отсутствующее значение, null или значение другого типа JSON, чем у поля (число в поле String, \"23\" или 1.5 в " +
        "поле Int, строка в поле Boolean, объект или массив в поле с одним значением), даёт пустое поле; оно не " +
        "преобразуется.",
    },
    check: {
      en:
        "Post `schemas/samples/invalid/account-id-string.json` (its `account_id` is the string \"23\") and look at the " +
        "run's account ID: empty as assumed, or 23? Also check that the run started at all.",
      ru:
        "Отправьте `schemas/samples/invalid/account-id-string.json` (в нём `account_id` — строка \"23\") и посмотрите на " +
        "ID аккаунта в запуске: пусто, как предполагается, или 23? Проверьте и то, что запуск вообще состоялся.",
    },
  },
  {
    id: "array-join",
    text: {
      en:
        "An array field (StringArray, IntArray, PhoneArray …) is one text: the values at its path, in array order, each " +
        "converted as its type, joined with the field's separator (the manifest's `separator`, else \", \"). Elements " +
        "without a usable value are left out, so no empty slots appear; when none is left the field is empty.",
      ru:
        "Поле-массив (StringArray, IntArray, PhoneArray …) — это один текст: значения по его пути в порядке массива, каждое " +
        "преобразовано по своему типу, соединены разделителем поля (`separator` из манифеста, иначе \", \"). Элементы без " +
        "подходящего значения пропускаются, поэтому пустых мест не бывает; если не осталось ни одного, поле пустое.",
    },
    check: {
      en:
        "Post `schemas/samples/click/full.json` (three subscriptions, only the first with an email): the field of " +
        "`subscription[].status` should read `subscribed, subscribed, subscribed` (with the separator set in the gear) and the field of " +
        "`subscription[].email` just olly.lambert@example.co.uk, with no empty slots or trailing separators.",
      ru:
        "Отправьте `schemas/samples/click/full.json` (три подписки, email только у первой): поле `subscription[].status` " +
        "должно содержать `subscribed, subscribed, subscribed` (с разделителем из шестерёнки), а поле `subscription[].email` — только " +
        "olly.lambert@example.co.uk, без пустых мест и лишних разделителей.",
    },
  },
];
