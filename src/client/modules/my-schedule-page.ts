import { countOf } from '#lib/view/describe.ts';
import { myScheduleCalendar, myScheduleKey, readStarred, type StarredTalk } from './my-schedule';

const stored = () => {
	try {
		return localStorage.getItem(myScheduleKey);
	} catch {
		return null;
	}
};

/** Shows the starred talks, lets the reader remove them, and builds the `.ics` on request. */
export function startMySchedulePage() {
	const root = document.querySelector<HTMLElement>('[data-my-schedule]')!;
	const list = root.querySelector<HTMLOListElement>('[data-list]')!;
	const empty = root.querySelector<HTMLElement>('[data-empty]')!;
	const actions = root.querySelector<HTMLElement>('[data-actions]')!;
	const download = root.querySelector<HTMLButtonElement>('[data-download]')!;
	const status = root.querySelector<HTMLElement>('[data-status]')!;
	let talks: StarredTalk[] = [];

	const remove = (uid: string) => {
		const all = JSON.parse(stored() ?? '{}')?.talks ?? {};
		delete all[uid];
		localStorage.setItem(myScheduleKey, JSON.stringify({ talks: all }));
		render();
	};
	const render = () => {
		talks = readStarred(stored());
		list.replaceChildren(
			...talks.map((talk) => {
				const item = document.createElement('li');
				const link = Object.assign(document.createElement('a'), {
					href: talk.url,
					textContent: talk.title,
				});
				const facts = Object.assign(document.createElement('span'), {
					className: 'muted',
					textContent: [talk.when, talk.where, talk.event].filter(Boolean).join(' · '),
				});
				const button = Object.assign(document.createElement('button'), {
					type: 'button',
					className: 'remove',
					textContent: 'Remove',
				});
				button.setAttribute('aria-label', `Remove “${talk.title}”`);
				button.addEventListener('click', () => remove(talk.uid));
				item.append(link, document.createElement('br'), facts, ' ', button);
				return item;
			}),
		);
		empty.hidden = talks.length > 0;
		actions.hidden = talks.length === 0;
	};

	download.addEventListener('click', async () => {
		download.disabled = true;
		status.textContent = 'Preparing the calendar…';
		try {
			const files = await Promise.all(
				[...new Set(talks.map((talk) => talk.calendar))].map(async (url) => {
					const response = await fetch(url);
					if (!response.ok) throw new Error(`${url} could not be loaded (HTTP ${response.status})`);
					return response.text();
				}),
			);
			const calendar = myScheduleCalendar(files, new Set(talks.map((talk) => talk.uid)));
			const link = Object.assign(document.createElement('a'), {
				href: URL.createObjectURL(new Blob([calendar], { type: 'text/calendar' })),
				download: 'my-schedule.ics',
			});
			link.click();
			setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
			status.textContent = `my-schedule.ics holds ${countOf(talks.length, 'talk')}.`;
		} catch (error) {
			status.textContent = `The calendar could not be made: ${(error as Error).message}.`;
		} finally {
			download.disabled = false;
		}
	});
	addEventListener('storage', render);
	render();
	root.hidden = false;
}
