/** The visits page (visits.html): leaders' visits announced in the region chosen, each with places left open to booking (预约接访). */
import { api, call } from './api.ts';
import { chinaMinute } from '../../functions/domain/calendar.ts';
import { bookingForm } from './booking.ts';
import { byId, h } from './dom.ts';
import { showLoaded } from './loaded.ts';
import { regionPicker } from './regions.ts';

const list = byId('visit-list');
const picker = regionPicker(byId<HTMLFieldSetElement>('visit-region'), 'regionCode', { requiredDepth: 1, remember: 'petitions.region' });

async function showVisits(regionCode: string): Promise<void> {
  if (!regionCode) return void list.replaceChildren(h('p', {}, '请选择您所在的地区。'));
  const from = new Date().toISOString().slice(0, 10);
  await showLoaded(
    list,
    () => call(() => api.GET('/v1/visits', { params: { query: { regionCode, from } } })),
    ({ items }) => {
      const visits = items.filter((visit) => visit.status === 'announced');
      if (visits.length === 0) return [h('p', {}, '该地区近期没有公告的领导接访。')];
      return [
        h(
          'ul',
          { class: 'visits' },
          ...visits.map((visit) => {
            const card = h(
              'li',
              { class: 'card' },
              h('h3', {}, `${visit.leader.title} ${visit.leader.name}`),
              h('p', {}, h('time', { datetime: visit.startsAt }, chinaMinute(visit.startsAt))),
              h('p', {}, `地点：${visit.venue}`),
            );
            // Only a visit announced with a capacity takes bookings; one that is full says so.
            if (visit.placesLeft !== undefined) {
              card.append(h('p', { class: 'places' }, visit.placesLeft > 0 ? `可预约名额：${visit.placesLeft}` : '预约已满'));
              if (visit.placesLeft > 0) card.append(bookingForm(card, visit.id));
            }
            return card;
          }),
        ),
      ];
    },
  );
}

picker.onChange((code) => void showVisits(code));
void showVisits(picker.value);
