// The grammar of a transfer config's `schedule`: the App Engine cron format DTS documents
// for TransferConfig.schedule ("every 24 hours", "every day 04:00", "every monday 09:00",
// "1st,3rd monday of month 04:00", "first sunday of quarter 00:00",
// "every 2 hours from 08:00 to 18:00", "every 5 minutes synchronized"). It follows
// Google's own grammar for that format (groc: a specific time, or an interval), written
// for peggy. Readings where the documentation is silent, chosen to refuse rather than
// accept: keywords are lower case only (as in groc's lexer) and words must be separated
// by whitespace ("every24hours" is refused); commas may have spaces around them.
export const SCHEDULE_GRAMMAR = String.raw`
{{
  const ALL_ORDINALS = [1, 2, 3, 4, 5];
  const ALL_WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
  const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const QUARTER_STARTS = [1, 4, 7, 10];
}}

schedule = _ @(interval / specific) _

interval
  = EVERY __ every:number __ unit:period range:(__ @(timeRange / synchronized))?
    { return { kind: 'interval', every, unit, synchronized: false, ...(range ?? {}) }; }

period
  = "hours" !wordChar { return 'hours'; }
  / ("minutes" / "mins") !wordChar { return 'minutes'; }

timeRange = FROM __ from:time __ TO __ to:time { return { from, to }; }

synchronized = "synchronized" !wordChar { return { synchronized: true }; }

specific = days:daySpec __ at:time { return { kind: 'specific', time: at, ...days }; }

daySpec
  = days:(ordinalWeekdays / monthdayList) __ OF __ months:(quarterSpec / monthSpec)
    { return { ...days, months }; }
  / days:ordinalWeekdays { return { ...days, months: ALL_MONTHS }; }

ordinalWeekdays
  = ordinals:ordinals __ DAY
    {
      // "every day" is every weekday of every week; "1st,15th day" means days of the month.
      return ordinals === 'every'
        ? { ordinals: ALL_ORDINALS, weekdays: ALL_WEEKDAYS, monthdays: [] }
        : { ordinals: [], weekdays: [], monthdays: ordinals };
    }
  / ordinals:ordinals __ weekdays:weekdayList
    { return { ordinals: ordinals === 'every' ? ALL_ORDINALS : ordinals, weekdays, monthdays: [] }; }

ordinals = EVERY { return 'every'; } / list:ordinal|1.., listSeparator| { return list; }

ordinal
  = ("1st" / "first") !wordChar { return 1; }
  / ("2nd" / "second") !wordChar { return 2; }
  / ("3rd" / "third") !wordChar { return 3; }
  / ("4th" / "fourth") !wordChar { return 4; }
  / ("5th" / "fifth") !wordChar { return 5; }

monthdayList = list:number|1.., listSeparator| { return { ordinals: [], weekdays: [], monthdays: list }; }

weekdayList = weekday|1.., listSeparator|

weekday
  = ("sunday" / "sun") !wordChar { return 0; }
  / ("monday" / "mon") !wordChar { return 1; }
  / ("tuesday" / "tue") !wordChar { return 2; }
  / ("wednesday" / "wed") !wordChar { return 3; }
  / ("thursday" / "thu") !wordChar { return 4; }
  / ("friday" / "fri") !wordChar { return 5; }
  / ("saturday" / "sat") !wordChar { return 6; }

monthSpec = MONTH { return ALL_MONTHS; } / monthName|1.., listSeparator|

monthName
  = ("january" / "jan") !wordChar { return 1; }
  / ("february" / "feb") !wordChar { return 2; }
  / ("march" / "mar") !wordChar { return 3; }
  / ("april" / "apr") !wordChar { return 4; }
  / "may" !wordChar { return 5; }
  / ("june" / "jun") !wordChar { return 6; }
  / ("july" / "jul") !wordChar { return 7; }
  / ("august" / "aug") !wordChar { return 8; }
  / ("september" / "sep") !wordChar { return 9; }
  / ("october" / "oct") !wordChar { return 10; }
  / ("november" / "nov") !wordChar { return 11; }
  / ("december" / "dec") !wordChar { return 12; }

quarterSpec
  = QUARTER { return QUARTER_STARTS; }
  / offsets:monthOfQuarter|1.., listSeparator| __ MONTH __ OF __ QUARTER
    { return offsets.flatMap((offset) => QUARTER_STARTS.map((start) => start + offset)).sort((a, b) => a - b); }

monthOfQuarter
  = ("1st" / "first") !wordChar { return 0; }
  / ("2nd" / "second") !wordChar { return 1; }
  / ("3rd" / "third") !wordChar { return 2; }

time "a time of day (HH:MM, 00:00 to 23:59)"
  = hour:$([01] [0-9] / "2" [0-3] / [0-9]) ":" minute:$([0-5] [0-9]) !wordChar
    { return hour.padStart(2, '0') + ':' + minute; }

number "a number" = digits:$([0-9]|1..5|) !wordChar { return Number(digits); }

EVERY = "every" !wordChar
DAY = "day" !wordChar
MONTH = "month" !wordChar
QUARTER = "quarter" !wordChar
OF = "of" !wordChar
FROM = "from" !wordChar
TO = "to" !wordChar

listSeparator = _ "," _
wordChar = [a-z0-9_]
__ "whitespace" = [ \t\r\n]+
_ = [ \t\r\n]*
`;
