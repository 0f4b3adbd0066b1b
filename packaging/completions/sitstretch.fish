# fish completion for sitstretch (see sitstretch(1)).

set -l commands status done snooze skip pause resume busy free reload side stretch log stats report replay whatif config doctor
complete -c sitstretch -f
complete -c sitstretch -s h -l help -d 'Show the help'
complete -c sitstretch -s V -l version -d 'Show the version'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a status -d 'Sitting time, next prompt, pause'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a done -d 'Record a stretch'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a snooze -d 'Snooze the pending prompt'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a skip -d 'Skip the pending prompt'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a pause -d 'No prompts for a while'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a resume -d 'End a pause'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a busy -d 'Hold prompts for a meeting'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a free -d 'End sitstretch busy'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a reload -d 'Re-read the configuration'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a side -d 'Which side felt tighter'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a stretch -d 'The guided book stretch'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a log -d 'The compliance log'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a stats -d 'Per-day statistics'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a report -d 'An HTML report'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a replay -d 'Run the sitting model over a trace'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a whatif -d 'Your last days under another configuration'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a config -d 'Check, print or locate the configuration'
complete -c sitstretch -n "not __fish_seen_subcommand_from $commands" -a doctor -d 'Check each part sitstretch needs'

complete -c sitstretch -n '__fish_seen_subcommand_from status doctor' -l json -d 'Print JSON'
complete -c sitstretch -n '__fish_seen_subcommand_from status' -s f -l follow -d 'A line now and one at each change'
complete -c sitstretch -n '__fish_seen_subcommand_from status' -l format -x -a 'text json waybar' -d 'Output form'
complete -c sitstretch -n '__fish_seen_subcommand_from side' -a 'left right even'
complete -c sitstretch -n '__fish_seen_subcommand_from stretch' -l notify -d 'Guide by notifications'
complete -c sitstretch -n '__fish_seen_subcommand_from stretch replay' -l config -r -F -d 'Configuration file'
complete -c sitstretch -n '__fish_seen_subcommand_from replay' -F
complete -c sitstretch -n '__fish_seen_subcommand_from log' -l since -x -a 'today yesterday' -d 'From WHEN'
complete -c sitstretch -n '__fish_seen_subcommand_from log' -l until -x -a 'today yesterday' -d 'Until WHEN'
complete -c sitstretch -n '__fish_seen_subcommand_from log' -l all -d 'Every record'
complete -c sitstretch -n '__fish_seen_subcommand_from log' -l trace -d 'A trace for replay'
complete -c sitstretch -n '__fish_seen_subcommand_from whatif' -F
complete -c sitstretch -n '__fish_seen_subcommand_from whatif' -l json -d 'JSON'
complete -c sitstretch -n '__fish_seen_subcommand_from log stats' -l json -d 'JSON'
complete -c sitstretch -n '__fish_seen_subcommand_from log stats' -l csv -d 'CSV'
complete -c sitstretch -n '__fish_seen_subcommand_from stats report whatif' -l days -x -d 'Number of days'
complete -c sitstretch -n '__fish_seen_subcommand_from stats' -l since -x -a 'today yesterday' -d 'From DATE'
complete -c sitstretch -n '__fish_seen_subcommand_from report' -s o -r -F -d 'Output file'
complete -c sitstretch -n '__fish_seen_subcommand_from report' -l open -d 'Open the report'
complete -c sitstretch -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from check default path' -a 'check default path'
complete -c sitstretch -n '__fish_seen_subcommand_from check' -F

complete -c sitstretchd -f
complete -c sitstretchd -l config -r -F -d 'Read only FILE over the defaults'
complete -c sitstretchd -l display -x -d 'The X display to watch'
complete -c sitstretchd -s h -l help -d 'Show the help'
complete -c sitstretchd -s V -l version -d 'Show the version'
