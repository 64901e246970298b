# The app itself is unpacked and started by the Neckbeard Stack; this only prepares the node for it.
package %w(python3 python3-venv)

user 'aws-web' do
  system true
  shell '/usr/sbin/nologin'
end

# The app finds its memcached peers here (the same AZ first, so reads stay local).
memcached = node['neckbeard']['peers']['memcached'] || { 'same_az' => [], 'all' => [] }
file '/etc/aws-web-memcached' do
  content((memcached['same_az'] + (memcached['all'] - memcached['same_az'])).map { |a| "#{a}:11211" }.join(',') + "\n")
  mode '0644'
end
